"""Front-end views of mentoring: the learner's workspace, the mentor queue, files."""
