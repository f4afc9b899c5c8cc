"""Background work of the progress tracker."""

from django_tasks import task


@task()
def prune_heartbeats():
    """Delete the heartbeats past the retention period (see ``learning.progress.retention``)."""
    from learning.progress.retention import prune_heartbeats as prune

    return prune()
