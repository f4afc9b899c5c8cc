"""Create the bucket, its CORS rule for the player, and public read access to published video.

Safe to run again: each step checks or overwrites its own piece of configuration.
"""

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from media_processing import storage

# What players fetch. Originals stay private.
PUBLIC_PREFIXES = ("videos/hls/", "videos/captions/")


def cors_origins():
    origins = [settings.SITE_URL] + list(getattr(settings, "CORS_ALLOWED_ORIGINS", []))
    return sorted({origin.rstrip("/") for origin in origins if origin})


def cors_rules():
    return [
        {
            "AllowedMethods": ["GET", "HEAD"],
            "AllowedOrigins": cors_origins(),
            "AllowedHeaders": ["*"],
            "ExposeHeaders": ["Content-Length", "Content-Range", "Content-Type", "ETag"],
            "MaxAgeSeconds": 3600,
        }
    ]


def public_read_policy(bucket, location):
    base = f"{location.strip('/')}/" if location.strip("/") else ""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PublicReadPublishedVideo",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [
                    f"arn:aws:s3:::{bucket}/{base}{prefix}*" for prefix in PUBLIC_PREFIXES
                ],
            }
        ],
    }


class Command(BaseCommand):
    help = "Create the media bucket if missing and configure CORS (and public reads of HLS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-public-read",
            action="store_true",
            help="Do not add the bucket policy that makes published video readable by anyone "
            "(use when a CDN with its own credentials sits in front of a private bucket)",
        )

    def handle(self, *args, no_public_read, **options):
        if not storage.is_s3():
            self.stdout.write("Local file storage: nothing to set up (files go to MEDIA_ROOT).")
            return
        from botocore.exceptions import ClientError

        backend = storage.get_storage()
        client = storage.s3_client(backend)
        bucket = backend.bucket_name
        try:
            client.head_bucket(Bucket=bucket)
            self.stdout.write(f"Bucket {bucket} exists.")
        except ClientError as error:
            code = error.response.get("Error", {}).get("Code")
            if code not in ("404", "NoSuchBucket", "NotFound"):
                raise CommandError(f"Cannot reach bucket {bucket}: {error}") from error
            params = {"Bucket": bucket}
            region = backend.region_name
            if region and region != "us-east-1":
                params["CreateBucketConfiguration"] = {"LocationConstraint": region}
            client.create_bucket(**params)
            self.stdout.write(f"Created bucket {bucket}.")

        client.put_bucket_cors(Bucket=bucket, CORSConfiguration={"CORSRules": cors_rules()})
        self.stdout.write(f"CORS: GET/HEAD allowed from {', '.join(cors_origins())}.")

        if no_public_read:
            return
        policy = public_read_policy(bucket, backend.location)
        try:
            client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
            self.stdout.write("Public read access granted on " + ", ".join(PUBLIC_PREFIXES))
        except ClientError as error:
            # Cloudflare R2 and Backblaze B2 have no bucket policies: public access is a
            # bucket or domain setting in their consoles.
            self.stderr.write(
                "Could not set a bucket policy "
                f"({error.response.get('Error', {}).get('Code')}); make the prefixes "
                f"{', '.join(PUBLIC_PREFIXES)} publicly readable in the provider's console "
                "or serve them through BIDAYA_MEDIA_CDN_URL."
            )
