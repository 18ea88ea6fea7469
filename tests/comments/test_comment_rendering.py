"""Comment text is plain text: escaped, with safe links."""

from html.parser import HTMLParser

from comments.models import render_comment_body


def links_attributes(html):
    found = []

    class Links(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag == "a":
                found.append(sorted(name for name, _ in attrs))

    Links().feed(html)
    return found


def test_script_tags_are_escaped():
    html = render_comment_body("<script>alert(1)</script>")

    assert "<script>" not in html
    assert "&lt;script&gt;" in html


def test_javascript_links_do_not_become_links():
    html = render_comment_body("javascript:alert(1)")

    assert "<a" not in html


def test_html_links_written_by_hand_stay_text():
    html = render_comment_body('<a href="javascript:alert(1)">klick</a>')

    assert "<a " not in html
    assert "&lt;a" in html


def test_web_addresses_become_links_that_pass_no_ranking():
    html = render_comment_body("Siehe https://example.org/mieten.")

    assert '<a href="https://example.org/mieten" rel="nofollow ugc noopener">' in html
    assert "</a>." in html


def test_mail_addresses_with_mailto_become_links():
    html = render_comment_body("mailto:ag@example.org")

    assert 'href="mailto:ag@example.org"' in html


def test_paragraphs_and_line_breaks_are_kept():
    html = render_comment_body("Erste Zeile\nzweite Zeile\n\nNeuer Absatz")

    assert html == "<p>Erste Zeile<br>zweite Zeile</p><p>Neuer Absatz</p>"


def test_quotes_in_addresses_cannot_break_out_of_the_attribute():
    html = render_comment_body('https://example.org/"onmouseover="alert(1)')

    assert links_attributes(html) == [["href", "rel"]]
