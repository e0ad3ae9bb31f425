"""WordPress error responses, fetched for real, raise WordPressError."""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest

import wpparse
from tests.integration.stack import Stack

pytestmark = pytest.mark.integration

MISSING = 999_999


def _error(wp: Stack, path: str, **params: str | int) -> tuple[int, bytes]:
    response = wp.request(f"/wp-json{path}", params)
    return response.status, response.body


@pytest.mark.parametrize(
    ("path", "params", "code", "status"),
    [
        (f"/wp/v2/posts/{MISSING}", {}, "rest_post_invalid_id", 404),
        (f"/wp/v2/pages/{MISSING}", {}, "rest_post_invalid_id", 404),
        (f"/wp/v2/books/{MISSING}", {}, "rest_post_invalid_id", 404),
        (f"/wp/v2/media/{MISSING}", {}, "rest_post_invalid_id", 404),
        ("/wp/v2/no-such-route", {}, "rest_no_route", 404),
        ("/wp/v2/posts", {"per_page": 1000}, "rest_invalid_param", 400),
        ("/wp/v2/posts", {"page": 99}, "rest_post_invalid_page_number", 400),
        ("/wp/v2/posts", {"status": "draft"}, "rest_invalid_param", 400),
        ("/wp/v2/users/me", {}, "rest_not_logged_in", 401),
        ("/wp/v2/settings", {}, "rest_forbidden", 401),
    ],
)
def test_error_responses(
    wp: Stack, path: str, params: dict[str, str | int], code: str, status: int
) -> None:
    got_status, body = _error(wp, path, **params)

    assert got_status == status
    with pytest.raises(wpparse.WordPressError) as caught:
        wpparse.parse_post(body)
    assert (caught.value.code, caught.value.status, caught.value.path) == (
        code,
        status,
        "$",
    )
    assert caught.value.message  # WordPress always says something
    with pytest.raises(wpparse.WordPressError) as again:
        wpparse.parse_posts(body)
    assert (again.value.code, again.value.status) == (code, status)


@pytest.mark.parametrize(
    ("name", "params", "code"),
    [
        ("structure", {"context": "edit"}, "rest_forbidden_context"),
        ("draft", {}, "rest_forbidden"),
        ("future", {}, "rest_forbidden"),
    ],
)
def test_forbidden_without_authentication(
    wp: Stack,
    save_fixture: Callable[[str, bytes], None],
    name: str,
    params: dict[str, str],
    code: str,
) -> None:
    status, body = _error(wp, f"/wp/v2/posts/{wp.ids[name]}", **params)
    if name == "structure":
        save_fixture("error-forbidden-context.json", body)

    assert status == 401
    with pytest.raises(wpparse.WordPressError) as caught:
        wpparse.parse_post(body)
    assert (caught.value.code, caught.value.status) == (code, 401)


def test_missing_id(wp: Stack, save_fixture: Callable[[str, bytes], None]) -> None:
    status, body = _error(wp, f"/wp/v2/posts/{MISSING}")
    save_fixture("error-invalid-id.json", body)

    assert status == 404
    with pytest.raises(wpparse.WordPressError, match="rest_post_invalid_id"):
        wpparse.parse_post(body)


def test_wrong_application_password(wp: Stack) -> None:
    token = base64.b64encode(b"admin:abcd efgh ijkl mnop qrst uvwx").decode()
    response = wp.request(
        "/wp-json/wp/v2/users/me", headers={"Authorization": f"Basic {token}"}
    )

    assert response.status == 401
    with pytest.raises(wpparse.WordPressError) as caught:
        wpparse.parse_post(response.body)
    # WordPress 6.1 ignores a wrong application password: not logged in.
    assert (caught.value.code, caught.value.status) == ("rest_not_logged_in", 401)


def test_error_inside_an_envelope(wp: Stack) -> None:
    response = wp.request(f"/wp-json/wp/v2/posts/{MISSING}", {"_envelope": 1})

    assert response.status == 200  # the envelope moves the status into the body
    assert response.json()["status"] == 404
    with pytest.raises(wpparse.WordPressError) as caught:
        wpparse.parse_posts(response.body)
    assert (caught.value.code, caught.value.status, caught.value.path) == (
        "rest_post_invalid_id",
        404,
        "$.body",
    )
