"""Who may add, change, delete and choose videos: per collection, like images and documents."""

from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy


def get_permission_policy():
    from .models import Video

    return CollectionOwnershipPermissionPolicy(
        Video, auth_model=Video, owner_field_name="uploaded_by_user"
    )
