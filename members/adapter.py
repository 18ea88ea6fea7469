import html

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from core.flash import in_every_language
from core.outbox import message_send_or_keep
from core.ratelimit import RateLimited, client_ip

from .selectors.logins import failed_logins_exceeded
from .services.logins import failed_login_record, failed_logins_clear
from .services.onboarding import onboarding_link_account

WRONG_LOGIN = _("Email address or password is wrong. Please try again.")


class AccountAdapter(DefaultAccountAdapter):
    """One message for every failed login, be it an address or a username;
    messages ("Successfully signed in as …") in the language of the page that
    shows them."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": WRONG_LOGIN,
        "username_password_mismatch": WRONG_LOGIN,
    }

    def send_mail(self, template_prefix, email, context):
        """As allauth's, but a refused mail waits in the outbox for a retry.

        Without this a mail server that is down turns a sign-up or a password
        reset into a server error.
        """
        request = allauth_context.request
        ctx = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
        message_send_or_keep(self.render_mail(template_prefix, email, ctx))

    def get_client_ip(self, request):
        """The portal's one client address (``core.ratelimit.client_ip``), so
        allauth's limits and session list see the client, not the proxy."""
        return client_ip(request)

    def pre_authenticate(self, request, **credentials):
        """Too many failed logins (``ACCOUNT_RATE_LIMITS["login_failed"]``) get
        the 429 page, not a form error that invites the next guess.

        allauth counts them in the cache; the ``FailedLogin`` rows count them
        too, so the limit holds while Redis is down.
        """
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise RateLimited from error
            raise
        if failed_logins_exceeded(
            login_key=self._get_login_attempts_cache_key(request, **credentials),
            address=client_ip(request),
        ):
            self._rollback_login_failed_rl_usage()
            raise RateLimited

    def authentication_failed(self, request, **credentials):
        super().authentication_failed(request, **credentials)
        failed_login_record(
            login_key=self._get_login_attempts_cache_key(request, **credentials),
            address=client_ip(request),
        )

    def _delete_login_attempts_cached_email(self, request, **credentials):
        """After a password reset by mail allauth forgets the failures; so do we."""
        super()._delete_login_attempts_cached_email(request, **credentials)
        failed_logins_clear(
            login_key=self._get_login_attempts_cache_key(request, **credentials)
        )

    def confirm_email(self, request, email_address):
        """A confirmed address links an imported onboarding record to the account."""
        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            onboarding_link_account(user=email_address.user, email=email_address.email)
        return confirmed

    def add_message(
        self,
        request,
        level,
        message_template=None,
        message_context=None,
        extra_tags="",
        message=None,
    ):
        """allauth renders its messages from templates in the active language;
        render them in every language instead (``core.flash``): a login on the
        German page is often followed by an Arabic one."""
        if message is None and message_template:

            def render():
                text = render_to_string(message_template, message_context, request)
                return html.unescape(text.strip())

            try:
                texts = in_every_language(render)
            except TemplateDoesNotExist:
                return
            if not any(texts.values()):
                return
            message_template, message = None, texts
        super().add_message(
            request,
            level,
            message_template=message_template,
            message_context=message_context,
            extra_tags=extra_tags,
            message=message,
        )
