"""Sign-up and login (django-allauth), API tokens, and the API's shared kit."""
