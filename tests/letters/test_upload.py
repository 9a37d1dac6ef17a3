"""Uploading letters in the admin: the same loader, outcomes and refusals as load_letters, a few
files per request on the progress page, then the review queue of what was loaded."""

import hashlib
import os
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from letters.loading import load_letters
from letters.models import Letter, LoadRun
from letters.uploads import FILES_PER_REQUEST, uploads_dir

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:letters_letter_upload")
QUEUE = reverse("admin:letters_letter_review_queue")
BROKEN = {
    "not-a-zip.docx": b"this is not a Word document at all",
    "empty.txt": b"",
}


def progress_url(run):
    return reverse("admin:letters_letter_upload_progress", args=[run.pk])


def _files(folder, names):
    files = [SimpleUploadedFile(name, (folder / name).read_bytes()) for name in names]
    return files + [SimpleUploadedFile(name, data) for name, data in BROKEN.items()]


def _upload(client, files) -> LoadRun:
    response = client.post(UPLOAD, {"files": files})
    assert response.status_code == 302, response.content.decode()[:2000]
    run = LoadRun.objects.latest("pk")
    assert response["Location"] == progress_url(run)
    return run


def _finish(client, run) -> LoadRun:
    for _ in range(len(run.paths)):
        run.refresh_from_db()
        if run.finished:
            break
        assert client.post(progress_url(run)).status_code == 302
    run.refresh_from_db()
    return run


def _outcomes(run):
    return {row["name"]: (row["outcome"], row["detail"]) for row in run.results}


def test_an_upload_loads_as_the_command_does_broken_files_named_and_the_rest_loaded(
    admin_client, seeds_dir, tmp_path
):
    seeds = sorted(path.name for path in seeds_dir.glob("*.txt"))[:2]
    # What the command says of the same files (a dry run: nothing stored).
    folder = tmp_path / "same"
    folder.mkdir()
    for name in seeds:
        (folder / name).write_bytes((seeds_dir / name).read_bytes())
    for name, data in BROKEN.items():
        (folder / name).write_bytes(data)
    command = {}
    load_letters(
        paths=[folder / name for name in [*seeds, *BROKEN]],
        dry_run=True,
        on_result=lambda r: command.__setitem__(os.path.basename(r.source), (r.outcome, r.detail)),
    )

    run = _finish(admin_client, _upload(admin_client, _files(seeds_dir, seeds)))

    assert _outcomes(run) == command
    assert [outcome for outcome, _ in command.values()] == [
        "created",
        "created",
        "failed",
        "failed",
    ]
    assert Letter.objects.filter(file_name__in=seeds).count() == 2
    page = admin_client.get(progress_url(run)).content.decode()
    assert "Done: 4 of 4 files loaded (2 created, 2 failed)" in page
    for name in BROKEN:
        assert name in page
    assert f"{QUEUE}?run={run.pk}" in page


def test_uploading_the_same_files_again_changes_nothing(admin_client, seeds_dir):
    seeds = sorted(path.name for path in seeds_dir.glob("*.txt"))[:2]
    _finish(admin_client, _upload(admin_client, _files(seeds_dir, seeds)))
    stored = list(Letter.objects.order_by("pk").values_list("pk", "sha256", "updated_at"))

    again = _finish(admin_client, _upload(admin_client, _files(seeds_dir, seeds)))

    assert [_outcomes(again)[name][0] for name in seeds] == ["unchanged", "unchanged"]
    assert list(Letter.objects.order_by("pk").values_list("pk", "sha256", "updated_at")) == stored


def test_a_large_upload_loads_a_few_files_per_request_then_lands_on_its_review_queue(
    admin_client, fixtures_dir, django_assert_max_num_queries
):
    names = sorted(path.name for path in (fixtures_dir / "letters").glob("*.txt"))[:7]
    files = [SimpleUploadedFile(n, (fixtures_dir / "letters" / n).read_bytes()) for n in names]
    run = _upload(admin_client, files)

    first = admin_client.get(progress_url(run)).content.decode()
    assert "Loading: 0 of 7 files loaded" in first
    assert "data-auto-continue" in first and "letters/progress.js" in first
    assert ">Continue</button>" in first  # works without script

    admin_client.post(progress_url(run))
    run.refresh_from_db()
    middle = admin_client.get(progress_url(run)).content.decode()
    assert run.position == len(run.results) == FILES_PER_REQUEST
    assert f"Loading: {FILES_PER_REQUEST} of 7 files loaded" in middle

    run = _finish(admin_client, run)
    done = admin_client.get(progress_url(run)).content.decode()
    assert run.finished and run.finished_at is not None and "data-auto-continue" not in done
    loaded = {row["letter"] for row in run.results if row["letter"]}
    with django_assert_max_num_queries(12):
        queue = admin_client.get(QUEUE, {"run": run.pk}).content.decode()
    shown = set(map(int, re.findall(r"/admin/letters/letter/review/(\d+)/", queue)))
    assert shown == loaded - set(
        Letter.objects.filter(confirmed_at__isnull=False).values_list("pk", flat=True)
    )
    assert len(shown) >= 5


def test_the_request_that_finishes_a_run_rebuilds_the_dataset(admin_client, seeds_dir):
    from opendata import dataset

    names = sorted(path.name for path in seeds_dir.glob("*.txt"))
    run = _upload(admin_client, _files(seeds_dir, names))
    admin_client.post(progress_url(run))  # the first few files: the run goes on
    assert dataset.read_manifest() is None

    _finish(admin_client, run)

    manifest = dataset.read_manifest()
    assert manifest["tables"]["letters"] == len(names)
    assert not dataset.stale(manifest, dataset.read_load_note())


def test_a_progress_request_after_the_end_loads_nothing_more(admin_client, seeds_dir):
    name = sorted(path.name for path in seeds_dir.glob("*.txt"))[0]
    run = _finish(
        admin_client,
        _upload(admin_client, [SimpleUploadedFile(name, (seeds_dir / name).read_bytes())]),
    )

    admin_client.post(progress_url(run))
    run.refresh_from_db()

    assert len(run.results) == 1 and run.position == 1


def test_uploaded_files_keep_their_names_in_a_folder_of_their_content(admin_client, seeds_dir):
    name = sorted(path.name for path in seeds_dir.glob("*.txt"))[0]
    data = (seeds_dir / name).read_bytes()
    run = _upload(admin_client, [SimpleUploadedFile(f"../../{name}", data)])

    [path] = run.paths
    assert path == str(uploads_dir() / hashlib.sha256(data).hexdigest()[:16] / name)
    assert (uploads_dir() / path).read_bytes() == data


def test_two_different_files_with_one_name_are_two_letters_and_same_bytes_renamed_a_duplicate(
    admin_client, seeds_dir
):
    first, second = sorted(seeds_dir.glob("*.txt"))[:2]
    one = _finish(
        admin_client,
        _upload(admin_client, [SimpleUploadedFile("response.txt", first.read_bytes())]),
    )
    two = _finish(
        admin_client,
        _upload(admin_client, [SimpleUploadedFile("response.txt", second.read_bytes())]),
    )
    renamed = _finish(
        admin_client, _upload(admin_client, [SimpleUploadedFile("copy.txt", first.read_bytes())])
    )

    assert _outcomes(one)["response.txt"][0] == _outcomes(two)["response.txt"][0] == "created"
    assert Letter.objects.filter(file_name="response.txt").count() == 2
    assert _outcomes(renamed)["copy.txt"][0] == "duplicate"


def test_uploading_needs_the_permission(client, seeds_dir):
    user = User.objects.create_user("clerk", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="change_letter"))
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 403

    user.user_permissions.add(Permission.objects.get(codename="upload_letters"))
    user = User.objects.get(pk=user.pk)  # permissions are cached on the instance
    client.force_login(user)
    assert client.get(UPLOAD).status_code == 200
    changelist = client.get(reverse("admin:letters_letter_changelist")).content.decode()
    assert UPLOAD in changelist and QUEUE in changelist


def test_the_upload_pages_pin_their_queries_and_uploads_are_listed(
    admin_client, seeds_dir, django_assert_max_num_queries
):
    name = sorted(path.name for path in seeds_dir.glob("*.txt"))[0]
    with django_assert_max_num_queries(8):
        assert admin_client.get(UPLOAD).status_code == 200
    run = _finish(
        admin_client,
        _upload(admin_client, [SimpleUploadedFile(name, (seeds_dir / name).read_bytes())]),
    )
    with django_assert_max_num_queries(8):
        assert admin_client.get(progress_url(run)).status_code == 200

    uploads = admin_client.get(reverse("admin:letters_loadrun_changelist")).content.decode()
    assert progress_url(run) in uploads and "1 of 1 loaded" in uploads
