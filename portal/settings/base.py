"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment in ``production.py``; the embedded defaults here run without any
service (SQLite, local-memory cache, immediate tasks, console email).
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from .search import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

INSTALLED_APPS = [
    "core",
    "home",
    "news",
    "subscriptions",
    "tracker",
    "comments",
    "surveys",
    "registrations",
    "dialog",
    "education",
    "members",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.api.v2",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # The Redis queue (TASKS_URL): its worker command; inert unless selected.
    "django_rq",
    "django_tasks_rq",
    # After "members", whose templates override allauth's layout and elements.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.usersessions",
    "csp",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # Keeps what several parts of one render read from the cache (core.request_memo).
    "core.request_memo.RequestMemoMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware.PortalCSPMiddleware",
    "core.middleware.PermissionsPolicyMiddleware",
    # NUL and control characters in a path, query or form: a 400 before any view.
    "core.middleware.ControlCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Counts uses of briefings, feeds and calendars, also when served from the cache.
    "tracker.middleware.UsageCountMiddleware",
    # Answers anonymous hits before sessions load; marks personal answers private.
    "core.caching.PageCacheMiddleware",
    # The site and its root page from the process, not three queries (core.caching).
    "core.caching.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.KeepLanguageInPageUrlsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "allauth.usersessions.middleware.UserSessionsMiddleware",
    # A failed-login limit hit inside allauth's form answers 429 (core.ratelimit).
    "core.ratelimit.RateLimitMiddleware",
    "members.middleware.AdminMfaRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "tracker.middleware.UsageMarkMiddleware",
]

ROOT_URLCONF = "portal.urls"

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
                "core.context_processors.cache_versions",
            ],
            # ``local_date`` everywhere: dates as the visitor's language writes them.
            "builtins": ["core.templatetags.portal_i18n"],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"].setdefault("CONN_MAX_AGE", 0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "mitmachportal",
    }
}

# Anonymous pages are cached whole for this long (core.caching); 0 switches it off.
PORTAL_PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
# Paths (after the language prefix) the page cache never stores: the admin,
# accounts, documents, forms of dialog and subscriptions; the health probes
# are not even looked up (no cache round trip before /livez).
PORTAL_PAGE_CACHE_NEVER_CACHED = (
    "/admin/",
    "/konto/",
    "/dokumente/",
    "/mitmachen/",
    "/abonnieren/",
    "/livez",
    "/healthz",
)
# Paths purged together (core.versions.invalidation_group): every feed and the
# JSON APIs share one version, search results another.
PORTAL_PAGE_CACHE_GROUPS = {
    "feeds": ("/feeds/", "/api/", "/sitemap.xml"),
    "search": ("/suche/",),
    # Topic pages list pages of every kind: any publish of a page with topics
    # drops them all (home.wagtail_hooks.topic_pages_listing_page).
    "topics": ("/themen/",),
}
# The query parameters the site reads (views, forms, the calendar and Wagtail
# APIs). A page is stored in the page cache only when every parameter of its
# request is one of these and no value is longer than the bound below; any
# other query string (``/?x=1``, ``?utm_source=…``) is answered uncached, so
# made-up query strings cannot fill the cache (Redis) with copies of a page.
PORTAL_PAGE_CACHE_QUERY_KEYS = frozenset(
    {
        # Listings and search (home.models, search.views, tracker pages).
        "page",
        "q",
        "status",
        # Calendar page filters (dialog.forms.CalendarFilterForm).
        "kind",
        "district",
        "topic",
        "event_format",
        "young",
        "step_free",
        "childcare",
        "child_friendly",
        "date_from",
        "date_to",
        # Calendar JSON API (dialog.views.calendar_feeds.API_PARAMETERS).
        "format",
        "from",
        "to",
        "limit",
        "offset",
        # Wagtail's pages/images/documents API (search.api).
        "fields",
        "type",
        "order",
        "search",
        "search_operator",
        "locale",
        "translation_of",
        "child_of",
        "ancestor_of",
        "descendant_of",
        "id",
        "html_path",
    }
)
# Of those, the ones a form reads as a list (the calendar's kinds): their
# values are a set, so the key sorts them; any other parameter given twice is
# answered uncached (``?page=1&page=2`` and ``?page=2&page=1`` differ).
PORTAL_PAGE_CACHE_LIST_QUERY_KEYS = frozenset({"kind"})
PORTAL_PAGE_CACHE_MAX_VALUE_LENGTH = 200
# Search results sections, per query, page number, audience and language; also
# serves the searches the page cache does not (members, visitors with a session).
# Page purges drop them; the lifetime bounds how long a search index update that
# runs after the purge (a background task) waits to show. 0 = off.
PORTAL_SEARCH_CACHE_SECONDS = env.int("SEARCH_CACHE_SECONDS", default=60)
# Cache alias holding the usage counters (tracker) until they are flushed.
PORTAL_USAGE_CACHE = "default"
# At most once a minute a counted request enqueues the flush of the counters.
PORTAL_USAGE_FLUSH_FROM_REQUESTS = True
# Each process adds its counts up and sends them to the cache at most this
# often (tracker.middleware.UsageBuffer); 0 sends every count at once.
PORTAL_USAGE_BUFFER_SECONDS = env.int("USAGE_BUFFER_SECONDS", default=0)

TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
    }
}

_VALIDATORS = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{_VALIDATORS}.UserAttributeSimilarityValidator"},
    {
        "NAME": f"{_VALIDATORS}.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": f"{_VALIDATORS}.CommonPasswordValidator"},
    {"NAME": f"{_VALIDATORS}.NumericPasswordValidator"},
]

CSRF_FAILURE_VIEW = "core.views.csrf_failure"

LOGIN_URL = "members:login"
# Messages are kept in every interface language and shown in the reader's.
MESSAGE_STORAGE = "core.flash.MessageStorage"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # a URL name: the login in the reader's language
# The admin login goes through allauth too, so it cannot skip the second factor.
WAGTAILADMIN_LOGIN_URL = "/konto/anmelden/"

# Accounts (django-allauth): sign-up with email, mandatory verification, login by
# email; usernames stay internal (generated at sign-up, staff may still use theirs).
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
# Wagtail sends a logged-in non-member from a members-only page to the login
# page with ?next=; redirecting logged-in users back would loop.
ACCOUNT_AUTHENTICATED_LOGIN_REDIRECTS = False
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mitmachportal] "
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupForm"
ACCOUNT_FORMS = {"login": "members.account_forms.LoginForm"}
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "core.people.display_name"
ACCOUNT_SESSION_REMEMBER = False
# Members see and end their sessions (/konto/sitzungen/); a password change
# ends every other session (Django's session hash) and keeps the current one.
# No activity tracking: it would write to the database on every request and
# store more about members than they need to see.
USERSESSIONS_TRACK_ACTIVITY = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Per IP and per account (allauth's keys: "5/m/ip", "20/m/key" …); a blocked
# request gets the translated 429 page (templates/429.html).
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/h/ip",
    "reset_password": "10/h/ip,3/h/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "3/5m/key",
    "change_password": "10/m/user",
    "change_email": "5/h/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mitmachportal"
# Members of these groups (and superusers, see below) must set up a second factor
# before they may use the Wagtail admin; a name ending in "*" is a prefix.
# Coordinators and district editors see special-category data (GDPR Art. 9).
PORTAL_MFA_REQUIRED_GROUPS = env.list(
    "PORTAL_MFA_REQUIRED_GROUPS",
    default=["Administratoren", "Koordination", "Koordination *", "Bezirksredaktion *"],
)
PORTAL_MFA_REQUIRED_FOR_SUPERUSERS = True

# German first; the other interface languages are offered, page content is
# translated through Wagtail locales (wagtail-localize). German URLs carry no
# prefix and are always German (no Accept-Language or cookie redirect); en, tr
# and ar live under /en/, /tr/, /ar/ (``i18n_patterns`` in portal/urls.py).
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("tr", _("Turkish")),
    ("ar", _("Arabic")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "var" / "static"
STATIC_URL = "/static/"

# Backups (core.backups): age public key to encrypt for, how many to keep
# (0: all), a folder in the object store for copies. Production refuses
# unencrypted backups (manage.py backup --plain overrides).
BACKUP_AGE_RECIPIENT = env("BACKUP_AGE_RECIPIENT", default="")
BACKUP_KEEP = env.int("BACKUP_KEEP", default=0)
BACKUP_S3_PREFIX = env("BACKUP_S3_PREFIX", default="")
BACKUP_REQUIRE_ENCRYPTION = False
S3_BUCKET = ""

MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = "Mitmachportal <portal@example.org>"

WAGTAIL_SITE_NAME = "Mitmachportal"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# PostgreSQL full text with German stemming, SQLite FTS5, or OpenSearch when
# SEARCH_URL names one (see portal/settings/search.py).
WAGTAILSEARCH_BACKENDS = search_backends(
    env("SEARCH_URL", default=""), database_engine=DATABASES["default"]["ENGINE"]
)
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "ods",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
]
# Every document downloads as an attachment: an uploaded HTML or PDF never runs
# in the portal's origin. The upload form checks the content, not only the name.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.PortalDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Wagtail compares an image's content with its extension; SVG is not accepted.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_FINDERS = []  # no server-side requests to oEmbed providers
# No avatars from gravatar.com: the admin would tell it who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Decision briefings: the second person's approval publishes (news.workflow_actions).
WAGTAIL_FINISH_WORKFLOW_ACTION = "news.workflow_actions.publish_approved"
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

PORTAL_PAGE_SIZE = 12
# Requests per IP and per logged-in account: "<count>/<seconds>" (core.ratelimit).
PORTAL_RATE_LIMITS = {
    "comment": {"ip": "30/600", "user": "15/600"},
    "registration": {"ip": "20/3600", "user": "20/3600"},
    "subscription": {"ip": "10/3600", "user": "10/3600"},
    "search": {"ip": "60/60", "user": "60/60"},
    # A full export runs every exporter: a few per hour are plenty.
    "data_export": {"ip": "20/3600", "user": "5/3600"},
    # Each attempt checks the password: no guessing it here.
    "account_erase": {"ip": "10/3600", "user": "5/3600"},
    # Mails to an address a visitor typed in, per recipient (whatever client
    # asks) and per recipient and page; several rates: "3/3600,10/86400".
    "registration_mail": {"recipient": "3/3600,10/86400", "recipient_page": "2/86400"},
    "subscription_mail": {"recipient": "1/600,5/86400"},
}
# Public forms sent faster than this after being shown are a bot's (seconds).
PORTAL_FORM_MIN_SECONDS = env.int("PORTAL_FORM_MIN_SECONDS", default=3)
# A form's signed token is good this long and once (core.bot_protection).
PORTAL_FORM_MAX_SECONDS = env.int("PORTAL_FORM_MAX_SECONDS", default=3 * 3600)
# The client's address behind reverse proxies (core.ratelimit.client_ip, also
# allauth's): the header they write (default X-Forwarded-For; "X-Real-IP" for a
# one-address header) and how many trusted proxies append to it. The entry that
# many places from the right counts; 0 proxies: REMOTE_ADDR. A header set alone
# (older configurations) means one proxy.
PORTAL_CLIENT_IP_HEADER = env("PORTAL_CLIENT_IP_HEADER", default="")
PORTAL_TRUSTED_PROXY_COUNT = env.int(
    "TRUSTED_PROXY_COUNT", default=1 if PORTAL_CLIENT_IP_HEADER else 0
)
# /healthz answers 503 when the oldest ready task waited longer (seconds).
PORTAL_HEALTH_MAX_TASK_AGE = env.int("PORTAL_HEALTH_MAX_TASK_AGE", default=900)
# Seconds a mail may wait in the outbox before /healthz answers 503.
PORTAL_HEALTH_MAX_MAIL_AGE = env.int("PORTAL_HEALTH_MAX_MAIL_AGE", default=3600)

# Content Security Policy (django-csp): only the portal's own scripts, no inline
# script or style on public pages. The Wagtail admin gets a wider policy
# (PORTAL_ADMIN_CONTENT_SECURITY_POLICY, core.middleware.PortalCSPMiddleware).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # Wagtail 8's admin still writes a few inline scripts and many inline
        # styles (Draftail, choosers, the preview panel).
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The page preview shows the page in a frame of the admin itself.
        "frame-ancestors": ["'self'"],
    },
}
PORTAL_ADMIN_PATH_PREFIX = "/admin/"
# Browser features the portal never uses are switched off for every page.
PORTAL_PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
