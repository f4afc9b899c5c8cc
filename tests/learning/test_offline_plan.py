"""What saving a lesson or a course for offline downloads, and its size per quality."""

import pytest

from tests.factories.courses import LessonPageFactory, ready_video, video_block

LESSON = "/offline/lessons/{}"
COURSE = "/offline/courses/{}"


@pytest.mark.django_db
class TestPlan:
    def test_a_lesson_sizes_come_from_the_rungs_real_bytes(self, api, course):
        response = api.get(LESSON.format(course.video_lesson.pk))
        assert response.status_code == 200
        plan = response.json()
        # ready_video: 240p of 1.5 MB, 360p of 3.2 MB, the sound alone 0.4 MB.
        assert plan["sizes"] == {"audio": 400_000, "240p": 1_500_000, "360p": 3_200_000}
        [lesson] = plan["lessons"]
        assert lesson["url"] == course.video_lesson.url
        [video] = lesson["videos"]
        assert video["choices"]["240p"]["playlist_url"].endswith("/240p/index.m3u8")
        assert video["choices"]["audio"]["playlist_url"].endswith("/audio/index.m3u8")
        assert video["master_url"].endswith("/master.m3u8")
        # An older ladder: the picture rungs take their sound from the audio playlist,
        # so it is saved with them, and the full build of hls.js plays it.
        assert video["audio_playlist_url"].endswith("/audio/index.m3u8")
        assert any("hls.min.js" in url for url in plan["assets"])
        assert plan["course_url"] == course.url

    def test_a_ladder_with_sound_in_its_rungs_needs_no_sound_playlist(self, api, course):
        lesson = LessonPageFactory(
            parent=course,
            title="درس جديد",
            slug="new-ladder",
            body=[video_block(ready_video(60.0, sound_in_rungs=True))],
        )
        plan = api.get(LESSON.format(lesson.pk)).json()
        assert plan["lessons"][0]["videos"][0]["audio_playlist_url"] == ""
        assert any("hls.light.min.js" in url for url in plan["assets"])
        assert not any("hls.min.js" in url for url in plan["assets"])

    def test_a_missing_quality_falls_back_to_the_nearest_smaller_rung(self, api, course):
        small = ready_video(60.0, sizes=(("144p", 500_000), ("240p", 900_000)))
        big = ready_video(60.0, sizes=(("480p", 7_000_000), ("720p", 12_000_000)))
        lesson = LessonPageFactory(
            parent=course,
            title="درسان",
            slug="two",
            body=[video_block(small), video_block(big)],
        )
        plan = api.get(LESSON.format(lesson.pk)).json()
        first, second = plan["lessons"][0]["videos"]
        assert first["choices"]["360p"]["name"] == "240p"
        # Nothing at or under 360p: the smallest picture there is.
        assert second["choices"]["240p"]["name"] == "480p"
        assert plan["sizes"]["360p"] == 900_000 + 7_000_000
        assert plan["sizes"]["audio"] == 2 * 400_000

    def test_a_reading_lesson_saves_its_page_only(self, api, course):
        plan = api.get(LESSON.format(course.reading_lesson.pk)).json()
        assert plan["sizes"] == {}
        assert plan["lessons"][0]["videos"] == []
        assert plan["assets"] == []

    def test_a_course_adds_up_its_lessons(self, api, course):
        plan = api.get(COURSE.format(course.pk)).json()
        assert [lesson["id"] for lesson in plan["lessons"]] == [
            course.video_lesson.pk,
            course.quiz_lesson.pk,
            course.reading_lesson.pk,
        ]
        assert plan["sizes"]["240p"] == 1_500_000

    def test_queries_do_not_grow_with_the_lessons(self, api, course, django_assert_max_num_queries):
        for number in range(6):
            LessonPageFactory(
                parent=course,
                title=f"درس {number}",
                slug=f"more-{number}",
                body=[video_block(ready_video(30.0))],
            )
        api.get(COURSE.format(course.pk))  # warm the site's routes
        with django_assert_max_num_queries(12):
            response = api.get(COURSE.format(course.pk))
        assert response.status_code == 200
        assert len(response.json()["lessons"]) == 9

    def test_unknown_ids_are_not_found(self, api, course):
        assert api.get(LESSON.format(999_999)).status_code == 404
        assert api.get(COURSE.format(course.video_lesson.pk)).status_code == 404
        assert api.get(LESSON.format(0)).status_code == 422

    def test_a_draft_lesson_is_not_found(self, api, course):
        draft = LessonPageFactory(parent=course, title="مسودة", slug="draft", live=False)
        assert api.get(LESSON.format(draft.pk)).status_code == 404

    def test_a_visitor_is_asked_to_sign_in(self, client, course):
        response = client.get("/api/v1" + LESSON.format(course.video_lesson.pk))
        assert response.status_code == 401
