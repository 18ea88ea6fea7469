"""A person at the proxy's HTTPS address: requests with cookies, forms read from HTML.

Sends what a browser sends with a form (the fields the page holds, Origin and
Referer, which Django's CSRF check reads over HTTPS) and nothing the page
does not offer, so every post goes through the portal's real checks.
"""

import email
import email.policy
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests


class _Forms(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append(
                {
                    "action": attrs.get("action") or "",
                    "method": (attrs.get("method") or "get").lower(),
                    "id": attrs.get("id") or "",
                    "fields": [],
                }
            )
        if not self.forms:
            return
        fields = self.forms[-1]["fields"]
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            fields.append(
                [name, attrs.get("value", "on" if kind == "checkbox" else "")]
            )
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
            fields.append(self._textarea)
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "chosen": None}
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["chosen"] = value

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select" and self._select is not None and self.forms:
            value = self._select["chosen"]
            if value is None:
                value = self._select["first"] or ""
            self.forms[-1]["fields"].append([self._select["name"], value])
            self._select = None


def forms_of(html: str) -> list[dict]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


class Browser:
    def __init__(self, topology):
        self.base = topology.url
        self.session = requests.Session()
        # Per request: requests lets REQUESTS_CA_BUNDLE override a session's verify.
        self.verify = str(topology.cert)
        self.session.headers["User-Agent"] = "staging-smoke-test"
        self.requests = 0

    def url(self, path: str) -> str:
        return urljoin(self.base + "/", path)

    def get(self, path, **kwargs) -> requests.Response:
        self.requests += 1
        kwargs.setdefault("timeout", 30)
        return self.session.get(self.url(path), verify=self.verify, **kwargs)

    def form(self, page: requests.Response, *, action: str = "", form_id: str = ""):
        """The first form of ``page`` whose action contains ``action`` (or id)."""
        for form in forms_of(page.text):
            if form["method"] != "post":
                continue
            if form_id and form["id"] != form_id:
                continue
            if action and action not in urljoin(page.url, form["action"]):
                continue
            return form
        raise AssertionError(f"no POST form {action or form_id!r} on {page.url}")

    def submit(
        self, page, *, action="", form_id="", data=None, files=None, drop=()
    ) -> requests.Response:
        """Post ``page``'s form with its own fields, ``data`` replacing theirs."""
        form = self.form(page, action=action, form_id=form_id)
        data = dict(data or {})
        fields = [
            (name, value)
            for name, value in form["fields"]
            if name not in data and name not in drop
        ]
        for name, value in data.items():
            values = value if isinstance(value, list) else [value]
            fields += [(name, v) for v in values]
        target = urljoin(page.url, form["action"]) if form["action"] else page.url
        origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
        self.requests += 1
        return self.session.post(
            target,
            data=fields,
            files=files,
            verify=self.verify,
            headers={"Referer": page.url, "Origin": origin},
            timeout=60,
            allow_redirects=True,
        )

    def log_in(self, email_address: str, password: str):
        page = self.get("/konto/anmelden/")
        assert page.status_code == 200, page.status_code
        answer = self.submit(
            page,
            action="/konto/anmelden/",
            data={"login": email_address, "password": password},
        )
        assert answer.status_code == 200, answer.status_code
        assert "sessionid" in self.session.cookies, "not logged in"
        return answer


def _message(record: dict):
    raw = record["message"].encode("utf-8")
    return email.message_from_bytes(raw, policy=email.policy.default)


def mail_text(record: dict) -> str:
    """The plain text of a mail the SMTP sink stored."""
    body = _message(record).get_body(preferencelist=("plain",))
    return body.get_content() if body is not None else ""


def mail_subject(record: dict) -> str:
    return str(_message(record)["Subject"])


def links_in(text: str, base: str) -> list[str]:
    return re.findall(re.escape(base) + r"/[^\s<>\"')]+", text)
