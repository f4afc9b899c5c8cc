"""Settings shared by every environment.

Everything that differs between machines is read from the environment; the README
lists each variable with its default. Defaults here are the embedded ones a newcomer
gets: SQLite, local files, the database task backend.
"""

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("BIDAYA_VAR_DIR", BASE_DIR / "var"))


from .env import env_bool, env_list  # noqa: E402

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    "analytics",
    "cms",
    "courses",
    "learning",
    "mentoring",
    "credentials",
    "outcomes",
    "notifications",
    "media_processing",
    "accounts",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # No "modelsearch" here: "wagtail.search" above is modelsearch's app config (it
    # reads WAGTAILSEARCH_BACKENDS); listing both makes every index update fail.
    # django-ninja as an app: the API docs then use its bundled Swagger UI files
    # instead of a CDN and an inline script, which the CSP blocks.
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages and API answers compressed (the bench lesson page: 17 KB of HTML becomes 6 KB);
    # Django pads the compressed body against BREACH. Static files come pre-compressed.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The first reads from the shared cache (generations, session, user) in one trip.
    "config.round_trip.RoundTripMiddleware",
    # The content generations are read once per request (cms.generations).
    "cms.generations.GenerationsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail site and the sites' root paths, from what is kept.
    "cms.routing.KnownSiteMiddleware",
    # Before the CSRF check, which reads the body: 413 from the announced length.
    "config.uploads.RequestSizeMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "accounts.sessions.CachedAuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "config.middleware.ReaderTimezoneMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_chrome",
            ],
            # ``{% url %}`` with each address remembered per process.
            "builtins": ["config.addresses"],
        },
    },
]

# Database: SQLite unless DATABASE_URL points elsewhere (CI and production: PostgreSQL).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'bidaya.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the worker writes.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Internationalisation: Arabic first, then English and French.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", "العربية"),
    ("en", "English"),
    ("fr", "Français"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/hls", BASE_DIR / "node_modules" / "hls.js" / "dist"),
]
STATICFILES_FINDERS = [
    "config.staticfiles.SiteFilesFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME", "us-east-1")
AWS_S3_ADDRESSING_STYLE = os.environ.get("AWS_S3_ADDRESSING_STYLE", "path")
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
# botocore >= 1.36 adds CRC checksums to every upload by default, which MinIO, Cloudflare
# R2 and Backblaze B2 reject or mishandle; "when_required" keeps them for the few
# operations that need them.
AWS_REQUEST_CHECKSUM_CALCULATION = os.environ.get(
    "AWS_REQUEST_CHECKSUM_CALCULATION", "when_required"
)
AWS_RESPONSE_CHECKSUM_VALIDATION = os.environ.get(
    "AWS_RESPONSE_CHECKSUM_VALIDATION", "when_required"
)

if AWS_STORAGE_BUCKET_NAME:
    from botocore.config import Config as _BotoConfig

    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": AWS_S3_REGION_NAME,
            "addressing_style": AWS_S3_ADDRESSING_STYLE,
            "client_config": _BotoConfig(
                s3={"addressing_style": AWS_S3_ADDRESSING_STYLE},
                signature_version="s3v4",
                request_checksum_calculation=AWS_REQUEST_CHECKSUM_CALCULATION,
                response_checksum_validation=AWS_RESPONSE_CHECKSUM_VALIDATION,
                retries={"max_attempts": 5, "mode": "standard"},
            ),
            "custom_domain": AWS_S3_CUSTOM_DOMAIN,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}

# Learners' hand-ins (lms review) are private: on S3 a private bucket or prefix read
# through short-lived presigned URLs; locally a folder outside MEDIA_ROOT that only a
# permission-checked view serves.
AWS_PRIVATE_STORAGE_BUCKET_NAME = (
    os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "") or AWS_STORAGE_BUCKET_NAME
)
BIDAYA_PRIVATE_STORAGE_PREFIX = os.environ.get("BIDAYA_PRIVATE_STORAGE_PREFIX", "private")
BIDAYA_PRIVATE_URL_EXPIRY_SECONDS = int(os.environ.get("BIDAYA_PRIVATE_URL_EXPIRY_SECONDS", 300))
BIDAYA_PRIVATE_MEDIA_ROOT = Path(os.environ.get("BIDAYA_PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
if AWS_PRIVATE_STORAGE_BUCKET_NAME:
    _private_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **(_default_storage["OPTIONS"] if AWS_STORAGE_BUCKET_NAME else {}),
            "bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
            "endpoint_url": AWS_S3_ENDPOINT_URL,
            "region_name": AWS_S3_REGION_NAME,
            "location": BIDAYA_PRIVATE_STORAGE_PREFIX,
            "custom_domain": None,
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": BIDAYA_PRIVATE_URL_EXPIRY_SECONDS,
        },
    }
else:
    _private_storage = {"BACKEND": "mentoring.storage.PrivateFileSystemStorage"}

STORAGES = {
    "default": _default_storage,
    "private": _private_storage,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background work through Django's Tasks API. Wagtail 8 enqueues its own search and
# reference-index updates here too, so wherever the database backend is used a worker
# (manage.py db_worker) must run.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    "rq": {"BACKEND": "django_tasks_rq.RQBackend"},
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}
TASKS = {"default": _TASK_BACKENDS[TASKS_BACKEND] | {"QUEUES": ["default", "media"]}}
if TASKS_BACKEND == "rq":
    # Workers: manage.py rqworker --job-class django_tasks_rq.Job media default
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

REDIS_URL = os.environ.get("REDIS_URL", "")
RQ_QUEUES = {
    queue: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 3600}
    for queue in ("default", "media")
}
# A two-hour lesson transcodes for longer than RQ's default hour on a small machine.
RQ_QUEUES["media"]["DEFAULT_TIMEOUT"] = 6 * 3600

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": REDIS_URL}}
    # Sessions are read on every signed-in request: from Redis first (with the user's
    # row and the content generations, in one round trip), the database only on a miss
    # (and always written through to it).
    SESSION_ENGINE = "accounts.sessions"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "bidaya_cache",
        }
    }

# Accounts (django-allauth): e-mail is the login.
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
# Adds the name the learner chose (shown to mentors, in e-mails and on badges).
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
# How allauth's messages and e-mails name the person: the name given at sign-up, else
# the e-mail's local part (never the generated username).
ACCOUNT_USER_DISPLAY = "notifications.outbox.account_name"
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# allauth's defaults for every other action (login 30/m/ip, password reset, e-mail
# changes …). A failed login counts against the client's address and the e-mail typed;
# past either limit even the right password is refused until the window ends. Every
# login form is allauth's (the admin's address leads to it), so this covers them all.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key", "signup": "20/m/ip"}
# Per-address limits need the client's address: behind N reverse proxies that append
# to X-Forwarded-For, set this to N (0 reads REMOTE_ADDR, which cannot be forged).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ALLAUTH_TRUSTED_PROXY_COUNT", "0"))
# Redirects land on the visitor's language home and e-mail links use SITE_URL's host.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# A sign-up with a known address gets the same "check your inbox" answer as a new one;
# the address's owner receives an e-mail explaining it (no account enumeration).
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = SITE_URL.split("://", 1)[0]

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_FILE_PATH = VAR_DIR / "mail"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Bidaya <noreply@bidaya.example>")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)

# Uploads larger than 1 MiB stream to a temporary file (FILE_UPLOAD_TEMP_DIR: put it on
# a disk, not on a RAM-backed /tmp).
FILE_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
FILE_UPLOAD_TEMP_DIR = os.environ.get("FILE_UPLOAD_TEMP_DIR") or None
# The first handler stops reading at the route's limit (config/uploads.py).
FILE_UPLOAD_HANDLERS = [
    "config.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# The apps' own settings (BIDAYA_*): video, badges, learning, mentoring.
from .product import *  # noqa: E402, F403

# Wagtail.
WAGTAIL_SITE_NAME = "Bidaya"
# accounts.views.admin_login: the admin's login address leads to allauth's login.
WAGTAILADMIN_LOGIN_URL = "/admin/login/"
# Passwords and e-mail addresses are managed through allauth alone (its rate limits,
# verification of a new address, tokens revoked on a new password), not a second set
# of forms in the admin.
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "modelsearch.backends.database",
        # Arabic has no stemmer worth trusting in every database; the text is
        # normalised by cms.search before it is indexed instead.
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "txt", "zip"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
# The admin talks to no third party: no Gravatar (it would send a hash of every
# editor's e-mail to another site, and the CSP blocks it anyway) and no release check
# (upgrades arrive through requirements.lock).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Content-Security-Policy (django-csp 4). The admin needs inline styles; scripts and
# fonts only come from this site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"] + env_list("CSP_EXTRA_MEDIA_SRC"),
        "media-src": ["'self'", "blob:"] + env_list("CSP_EXTRA_MEDIA_SRC"),
        "connect-src": ["'self'"] + env_list("CSP_EXTRA_MEDIA_SRC"),
        "font-src": ["'self'", "data:"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
