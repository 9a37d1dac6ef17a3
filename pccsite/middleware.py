"""Site-wide response handling Django 5.2 does not do by itself: the Content-Security-Policy
header, and gzip for public pages only."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse


class ContentSecurityPolicyMiddleware:
    """Adds the Content-Security-Policy header from settings.CONTENT_SECURITY_POLICY.

    Django gains built-in CSP support only in 6.0, which needs Python 3.12.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "CONTENT_SECURITY_POLICY", "")

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = self.policy
        return response


class PublicGZipMiddleware(GZipMiddleware):
    """gzip for pages rendered now (cached pages arrive compressed already), never for a page
    that may hold a secret.

    BREACH: a compressed page that reflects a visitor's input beside a secret lets an attacker
    read the secret from the response's length. The admin (CSRF tokens on every form, the
    sign-in page too), anything a signed-in person sees, and responses setting cookies are sent
    as they are; the public pages hold no secret.
    """

    def process_response(self, request, response):
        if self._may_hold_secrets(request, response):
            return response
        return super().process_response(request, response)

    @staticmethod
    def _may_hold_secrets(request, response) -> bool:
        if request.path.startswith(reverse("admin:index")) or response.cookies:
            return True
        user = getattr(request, "user", None)
        return user is None or user.is_authenticated
