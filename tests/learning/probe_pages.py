import time
import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from tests.learning.conftest import Api, beat


@pytest.mark.django_db
def test_probe(learner, course, enrolled, video_component, catalogue_page):
    client = Client()
    client.force_login(learner)
    Api(client).post("/progress/heartbeats", beat(course.video_lesson, video_component, [[0, 10]]))
    urls = [course.video_lesson.url, course.url, "/ar/dashboard/", catalogue_page.url, "/ar/"]
    for lesson in course.get_children().live():
        urls.append(lesson.url)
    for url in urls:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            r = client.get(url)
        n = len(captured)
        sqls = [q["sql"] for q in captured.captured_queries]
        t = time.perf_counter()
        for _ in range(10):
            client.get(url)
        ms = (time.perf_counter() - t) * 100
        print(f"\n{url} status={r.status_code} queries={n} ms={ms:.1f}")
        if url in (course.video_lesson.url, '/ar/dashboard/', course.url):
            for q in sqls:
                print("   ", q[:250])
