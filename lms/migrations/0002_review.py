"""Assignments and mentor review: cohorts, submissions, reviews, notifications; and the
Mentors / Lead mentors groups (with the Editors' cohort permissions)."""

import django.db.models.deletion
import django.utils.timezone
import lms.review.storage
import uuid
from django.conf import settings
from django.db import migrations, models


def create_groups(apps, schema_editor):
    from lms.review.setup import ensure_review_groups

    ensure_review_groups(apps)


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0003_editorial_workflow_and_locales'),
        ('courses', '0001_initial'),
        ('lms', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Cohort',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('course_key', models.UUIDField(db_index=True, editable=False)),
                ('name', models.CharField(max_length=120, verbose_name='name')),
                ('is_open', models.BooleanField(default=True, help_text='Learners who enrol in the course are placed in an open cohort with room.', verbose_name='open to new learners')),
                ('capacity', models.PositiveIntegerField(blank=True, help_text='Most learners the cohort takes; empty means no limit.', null=True, verbose_name='capacity')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('course', models.ForeignKey(help_text='The course in any of its languages: the cohort covers its translations.', on_delete=django.db.models.deletion.CASCADE, related_name='cohorts', to='courses.coursepage', verbose_name='course')),
                ('mentors', models.ManyToManyField(blank=True, help_text="People in the Mentors or Lead mentors group who review this cohort's work.", related_name='mentored_cohorts', to=settings.AUTH_USER_MODEL, verbose_name='mentors')),
            ],
            options={
                'verbose_name': 'cohort',
                'verbose_name_plural': 'cohorts',
                'ordering': ['course', 'name'],
            },
        ),
        migrations.CreateModel(
            name='CohortMembership',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('course_key', models.UUIDField(editable=False)),
                ('joined_at', models.DateTimeField(auto_now_add=True, verbose_name='joined')),
                ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='lms.cohort', verbose_name='cohort')),
                ('learner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cohort_memberships', to=settings.AUTH_USER_MODEL, verbose_name='learner')),
            ],
            options={
                'verbose_name': 'cohort member',
                'verbose_name_plural': 'cohort members',
                'ordering': ['cohort', 'joined_at'],
            },
        ),
        migrations.CreateModel(
            name='FeedbackSnippet',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('ar', 'العربية'), ('en', 'English'), ('fr', 'Français')], default='ar', max_length=10, verbose_name='language')),
                ('title', models.CharField(max_length=80, verbose_name='title')),
                ('text', models.TextField(max_length=3000, verbose_name='text')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('mentor', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback_snippets', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'feedback snippet',
                'verbose_name_plural': 'feedback snippets',
                'ordering': ['mentor', 'language', 'title'],
            },
        ),
        migrations.CreateModel(
            name='NotificationPreference',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('ar', 'العربية'), ('en', 'English'), ('fr', 'Français')], default='ar', max_length=10, verbose_name='language')),
                ('email_enabled', models.BooleanField(default=True, verbose_name='send me e-mails')),
                ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preference', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'notification preference',
                'verbose_name_plural': 'notification preferences',
            },
        ),
        migrations.CreateModel(
            name='OutboxEmail',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('submission_digest', 'New work to review'), ('review_done', 'Review done'), ('badge_awarded', 'Badge awarded')], max_length=30, verbose_name='kind')),
                ('language', models.CharField(default='ar', max_length=10, verbose_name='language')),
                ('data', models.JSONField(blank=True, default=dict)),
                ('status', models.CharField(choices=[('pending', 'Waiting to be sent'), ('sent', 'Sent'), ('failed', 'Gave up'), ('skipped', 'Nothing left to send')], default='pending', max_length=10, verbose_name='status')),
                ('send_after', models.DateTimeField(default=django.utils.timezone.now, verbose_name='send after')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='attempts')),
                ('last_error', models.TextField(blank=True, verbose_name='last error')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                ('subject', models.CharField(blank=True, max_length=255, verbose_name='subject')),
                ('recipient', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='outbox_emails', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'e-mail in the outbox',
                'verbose_name_plural': 'e-mail outbox',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='Submission',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('lesson_key', models.UUIDField(verbose_name='lesson key')),
                ('course_key', models.UUIDField(db_index=True, verbose_name='course key')),
                ('assignment_id', models.CharField(max_length=64, verbose_name='assignment')),
                ('assignment_title', models.CharField(blank=True, max_length=200, verbose_name='assignment title')),
                ('state', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('in_review', 'In review'), ('changes_requested', 'Changes requested'), ('resubmitted', 'Resubmitted'), ('approved', 'Approved'), ('rejected', 'Rejected')], db_index=True, default='draft', max_length=20, verbose_name='state')),
                ('language', models.CharField(default='ar', max_length=10, verbose_name='language')),
                ('waiting_since', models.DateTimeField(blank=True, null=True, verbose_name='waiting since')),
                ('first_submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='first submitted')),
                ('claim_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='claim expires')),
                ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('claimed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='claimed_submissions', to=settings.AUTH_USER_MODEL, verbose_name='claimed by')),
                ('cohort', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='submissions', to='lms.cohort', verbose_name='cohort')),
                ('course', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='submissions', to='courses.coursepage', verbose_name='course')),
                ('learner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='submissions', to=settings.AUTH_USER_MODEL, verbose_name='learner')),
                ('lesson', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='submissions', to='courses.lessonpage', verbose_name='lesson')),
            ],
            options={
                'verbose_name': 'submission',
                'verbose_name_plural': 'submissions',
                'ordering': ['waiting_since', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Notice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('submission_arrived', 'New work to review'), ('review_done', 'Your work was reviewed')], max_length=30, verbose_name='kind')),
                ('data', models.JSONField(blank=True, default=dict)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='read')),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notices', to=settings.AUTH_USER_MODEL)),
                ('submission', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='lms.submission')),
            ],
            options={
                'verbose_name': 'notice',
                'verbose_name_plural': 'notices',
                'ordering': ['-created_at', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='SubmissionVersion',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('number', models.PositiveIntegerField(blank=True, null=True, verbose_name='version')),
                ('text', models.TextField(blank=True, max_length=20000, verbose_name='text')),
                ('link', models.URLField(blank=True, max_length=500, verbose_name='link')),
                ('file', models.FileField(blank=True, max_length=255, storage=lms.review.storage.get_private_storage, upload_to='submissions/', verbose_name='file')),
                ('file_name', models.CharField(blank=True, max_length=150, verbose_name='file name')),
                ('file_type', models.CharField(blank=True, max_length=100, verbose_name='file type')),
                ('file_size', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='file size')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='lms.submission')),
            ],
            options={
                'verbose_name': 'submission version',
                'verbose_name_plural': 'submission versions',
                'ordering': ['submission', 'number'],
            },
        ),
        migrations.CreateModel(
            name='SubmissionEvent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('action', models.CharField(max_length=20, verbose_name='action')),
                ('from_state', models.CharField(blank=True, max_length=20, verbose_name='from')),
                ('to_state', models.CharField(max_length=20, verbose_name='to')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='at')),
                ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='lms.submission')),
                ('version', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='lms.submissionversion')),
            ],
            options={
                'verbose_name': 'submission event',
                'verbose_name_plural': 'submission events',
                'ordering': ['submission', 'created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Review',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('decision', models.CharField(choices=[('approve', 'Approved'), ('request_changes', 'Changes requested'), ('reject', 'Rejected')], max_length=20, verbose_name='decision')),
                ('feedback', models.TextField(max_length=10000, verbose_name='feedback')),
                ('reason', models.TextField(blank=True, max_length=2000, verbose_name='reason for rejecting')),
                ('scores', models.JSONField(default=list, verbose_name='scores')),
                ('points', models.PositiveIntegerField(default=0, verbose_name='points')),
                ('max_points', models.PositiveIntegerField(default=0, verbose_name='out of')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='reviewed')),
                ('mentor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='reviews_given', to=settings.AUTH_USER_MODEL, verbose_name='mentor')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='lms.submission')),
                ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='lms.submissionversion')),
            ],
            options={
                'verbose_name': 'review',
                'verbose_name_plural': 'reviews',
                'ordering': ['submission', 'created_at', 'pk'],
            },
        ),
        migrations.AddConstraint(
            model_name='cohort',
            constraint=models.UniqueConstraint(fields=('course', 'name'), name='lms_cohort_unique_name'),
        ),
        migrations.AddConstraint(
            model_name='cohortmembership',
            constraint=models.UniqueConstraint(fields=('course_key', 'learner'), name='lms_cohortmembership_one_per_course'),
        ),
        migrations.AddIndex(
            model_name='outboxemail',
            index=models.Index(fields=['status', 'send_after'], name='lms_outbox_due_idx'),
        ),
        migrations.AddConstraint(
            model_name='outboxemail',
            constraint=models.UniqueConstraint(condition=models.Q(('attempts', 0), ('kind', 'submission_digest'), ('status', 'pending')), fields=('recipient',), name='lms_outbox_one_open_digest'),
        ),
        migrations.AddIndex(
            model_name='submission',
            index=models.Index(fields=['state', 'waiting_since'], name='lms_sub_queue_idx'),
        ),
        migrations.AddConstraint(
            model_name='submission',
            constraint=models.UniqueConstraint(fields=('learner', 'lesson_key', 'assignment_id'), name='lms_submission_one_per_assignment'),
        ),
        migrations.AddIndex(
            model_name='notice',
            index=models.Index(fields=['user', 'read_at'], name='lms_notice_unread_idx'),
        ),
        migrations.AddConstraint(
            model_name='submissionversion',
            constraint=models.UniqueConstraint(fields=('submission', 'number'), name='lms_version_unique_number'),
        ),
        migrations.AddConstraint(
            model_name='submissionversion',
            constraint=models.UniqueConstraint(condition=models.Q(('number__isnull', True)), fields=('submission',), name='lms_version_one_draft'),
        ),
        migrations.AddConstraint(
            model_name='review',
            constraint=models.UniqueConstraint(fields=('version',), name='lms_review_one_per_version'),
        ),
        migrations.RunPython(create_groups, migrations.RunPython.noop),
    ]
