from django.db import models


class FailedLogin(models.Model):
    """One failed password login, kept for the failed-login limit.

    allauth counts failures in the cache, which forgets them while Redis is
    down; these rows keep the limit. Only keyed hashes of the login and the
    client address are stored, and retention deletes rows after a day.
    """

    account = models.CharField(max_length=64)
    address = models.CharField(max_length=64)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [
            models.Index(fields=["account", "at"], name="failedlogin_account_at"),
            models.Index(fields=["address", "at"], name="failedlogin_address_at"),
        ]

    def __str__(self):
        return f"failed login {self.at:%Y-%m-%d %H:%M}"
