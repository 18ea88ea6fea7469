"""Media on an S3-compatible object store (django-storages), private by default.

Chosen by ``S3_BUCKET`` in production (``portal.settings.services``). Local
disk (``MEDIA_ROOT``) stays the default everywhere else.
"""

from urllib.parse import urljoin

from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage

# A signed URL of a private file works this long (seconds).
SIGNED_URL_SECONDS = 300


class PrivateMediaStorage(S3Storage):
    """Uploads nobody reads without the portal: no public ACL, signed URLs only."""

    default_acl = "private"
    querystring_auth = True
    querystring_expire = SIGNED_URL_SECONDS


class PublicMediaStorage(S3Storage):
    """Renditions: readable by anyone, at ``public_url`` (the proxy or a bucket
    website) when given, else at the store's own address, unsigned."""

    default_acl = "public-read"
    querystring_auth = False

    def __init__(self, *, public_url: str = "", **settings):
        super().__init__(**settings)
        self.public_url = public_url.rstrip("/") + "/" if public_url else ""

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.public_url:
            return urljoin(self.public_url, filepath_to_uri(name))
        return super().url(name, parameters, expire, http_method)
