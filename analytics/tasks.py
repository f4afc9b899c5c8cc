"""Background work of the analytics."""

from django_tasks import task


@task()
def rollup_analytics():
    """Roll the raw activity up into the rows the analytics pages read."""
    from analytics.rollup import run

    report = run()
    return {key: value for key, value in report.items() if isinstance(value, int | float)}
