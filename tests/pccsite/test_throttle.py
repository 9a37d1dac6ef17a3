"""Admin login throttling, through the real admin login page and the shared cache."""

import time

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_hashing(settings):
    # The window tests count seconds; the default hasher spends a good part of one per attempt.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_user("editor", password=PASSWORD, is_staff=True)


def _attempt(client, username="editor", password="wrong", address="192.0.2.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def _fail(client, times, **kwargs):
    for _ in range(times):
        assert _attempt(client, **kwargs).status_code == 200


def test_throttle_refuses_a_username_after_five_failures(client, staff):
    _fail(client, 5)

    response = _attempt(client, password=PASSWORD)

    assert response.status_code == 429
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert int(response["Retry-After"]) > 0
    assert "_auth_user_id" not in client.session


def test_throttle_never_locks_a_username_out_from_another_address(staff):
    # Issue 10, item 9: five wrong passwords for "editor" from anywhere used to block the real
    # editor at every address for 15 minutes, renewable forever by whoever knew the name.
    for number in range(10):
        _fail(Client(), 1, address=f"198.51.100.{number}")

    response = _attempt(Client(), address="203.0.113.9", password=PASSWORD)

    assert response.status_code == 302


def test_throttle_refuses_a_username_from_the_address_that_failed(staff):
    _fail(Client(), 5, address="198.51.100.7")

    locked = _attempt(Client(), address="198.51.100.7", password=PASSWORD)
    elsewhere = _attempt(Client(), address="203.0.113.9", password=PASSWORD)

    assert (locked.status_code, elsewhere.status_code) == (429, 302)


def test_throttle_refuses_an_address_trying_many_usernames(client, staff, settings):
    for number in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT):
        _fail(client, 1, username=f"guess{number}")

    response = _attempt(client, username="editor", password=PASSWORD)

    assert response.status_code == 429


def test_throttle_lets_a_colleague_at_a_shared_address_in(client, staff, django_user_model):
    # An office behind one NAT address: one person's typos lock that person, not the office.
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    _fail(client, 5)

    response = _attempt(Client(), username="other", password=PASSWORD)

    assert response.status_code == 302


def test_throttle_is_not_renewed_by_attempts_while_locked(client, staff, settings):
    settings.LOGIN_FAILURE_WINDOW = 2
    _fail(client, 5)
    time.sleep(1)
    # Refused attempts during the lock are not counted, so they cannot extend it.
    for _ in range(5):
        assert _attempt(client).status_code == 429

    time.sleep(1.1)

    assert _attempt(client, password=PASSWORD).status_code == 302


def test_throttle_lets_other_users_and_addresses_in(client, staff, django_user_model):
    django_user_model.objects.create_user("other", password=PASSWORD, is_staff=True)
    _fail(client, 5)

    response = _attempt(Client(), username="other", password=PASSWORD, address="203.0.113.5")

    assert response.status_code == 302


def test_throttle_allows_four_failures_then_signs_in(client, staff):
    _fail(client, 4)

    response = _attempt(client, password=PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_throttle_resets_after_a_successful_login(client, staff):
    _fail(client, 4)
    assert _attempt(Client(), password=PASSWORD).status_code == 302

    _fail(client, 4)

    assert _attempt(client, password=PASSWORD).status_code == 302


def test_throttle_lifts_when_the_window_has_passed(client, staff, settings):
    settings.LOGIN_FAILURE_WINDOW = 2
    _fail(client, 5)
    assert _attempt(client, password=PASSWORD).status_code == 429

    time.sleep(2.1)

    assert _attempt(client, password=PASSWORD).status_code == 302


def test_throttle_counts_a_non_staff_user_with_the_right_password_as_a_failure(
    client, django_user_model
):
    django_user_model.objects.create_user("reader", password=PASSWORD, is_staff=False)
    _fail(client, 5, username="reader", password=PASSWORD)

    assert _attempt(client, username="reader", password=PASSWORD).status_code == 429


def test_throttle_leaves_the_login_form_reachable(client, staff):
    _fail(client, 5)

    assert client.get(LOGIN).status_code == 200
