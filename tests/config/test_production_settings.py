"""The production profile, started the way a server starts it: a fresh process, a clean
environment, nothing inherited from the test run."""

import gzip
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import brotli
import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_manage(tmp_path, *args, **env):
    clean_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "BIDAYA_VAR_DIR": str(tmp_path / "var"),
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def valid_env(tmp_path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key_file = tmp_path / "badge-signing.pem"
    key_file.write_bytes(
        rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return {
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "bidaya.example,www.bidaya.example",
        "SITE_URL": "https://bidaya.example",
        "BIDAYA_BADGE_SIGNING_KEY_FILE": str(key_file),
    }


def test_refuses_to_start_without_secret_key(tmp_path, valid_env):
    del valid_env["SECRET_KEY"]
    result = run_manage(tmp_path, "check", **valid_env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_a_short_secret_key(tmp_path, valid_env):
    result = run_manage(tmp_path, "check", **(valid_env | {"SECRET_KEY": "too-short"}))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_refuses_to_start_without_allowed_hosts(tmp_path, valid_env):
    del valid_env["ALLOWED_HOSTS"]
    result = run_manage(tmp_path, "check", **valid_env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "ALLOWED_HOSTS must list" in result.stderr


def test_refuses_to_start_without_site_url(tmp_path, valid_env):
    del valid_env["SITE_URL"]
    result = run_manage(tmp_path, "check", **valid_env)
    assert result.returncode != 0
    assert "SITE_URL must be the public address" in result.stderr


def test_deploy_checks_pass_with_a_valid_environment(tmp_path, valid_env):
    result = run_manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **valid_env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_catch_a_weakened_environment(tmp_path, valid_env):
    """The gate above is only worth something if it fails on a weak setting."""
    weakened = valid_env | {"SECURE_SSL_REDIRECT": "0", "SECURE_HSTS_SECONDS": "0"}
    result = run_manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **weakened)
    assert result.returncode != 0
    assert "security.W008" in result.stderr + result.stdout
    assert "security.W004" in result.stderr + result.stdout


def test_production_values(tmp_path, valid_env):
    """Values check --deploy does not look at: CSRF origins, e-mail, admins, statics."""
    script = (
        "from django.conf import settings as s;"
        "print(s.CSRF_TRUSTED_ORIGINS, s.EMAIL_BACKEND, s.ADMINS, s.SERVER_EMAIL,"
        " s.STORAGES['staticfiles']['BACKEND'], s.X_FRAME_OPTIONS,"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['script-src'],"
        " s.CONTENT_SECURITY_POLICY['DIRECTIVES']['upgrade-insecure-requests'], sep='|')"
    )
    env = valid_env | {
        "ADMINS": "Ops Team <ops@bidaya.example>, Huda <huda@bidaya.example>",
        "SERVER_EMAIL": "errors@bidaya.example",
    }
    result = run_manage(tmp_path, "shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    values = result.stdout.strip().splitlines()[-1].split("|")
    assert values[0] == "['https://bidaya.example']"
    assert values[1] == "django.core.mail.backends.smtp.EmailBackend"
    assert values[2] == "[('Ops Team', 'ops@bidaya.example'), ('Huda', 'huda@bidaya.example')]"
    assert values[3] == "errors@bidaya.example"
    assert values[4] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values[5] == "DENY"
    assert values[6] == "[\"'self'\"]"
    assert values[7] == "True"


@pytest.mark.slow
def test_collectstatic_builds_the_manifest(tmp_path, valid_env):
    """Hashed, compressed statics: a missing file referenced from CSS would fail here."""
    result = run_manage(tmp_path, "collectstatic", "--no-input", "-v", "0", **valid_env)
    assert result.returncode == 0, result.stderr
    static_root = tmp_path / "var" / "static"
    assert (static_root / "staticfiles.json").exists()
    # The site's one stylesheet, hashed, with a Brotli and a gzip copy of the same bytes
    # (WhiteNoise makes the .br when the Brotli package is installed).
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed = static_root / manifest["css/bidaya.css"]
    assert hashed.name != "bidaya.css"
    plain = hashed.read_bytes()
    squeezed = hashed.with_name(hashed.name + ".br").read_bytes()
    assert brotli.decompress(squeezed) == plain
    assert len(squeezed) < len(plain) / 4
    assert gzip.decompress(hashed.with_name(hashed.name + ".gz").read_bytes()) == plain
    # The player's scripts and hls.js too; fonts are compressed already (woff2): no copies.
    for name in ("js/player/core.js", "vendor/hls/hls.light.min.js"):
        assert (static_root / (manifest[name] + ".br")).exists(), name
    font = static_root / manifest["fonts/plex-arabic-400.woff2"]
    assert font.exists() and not font.with_name(font.name + ".br").exists()
