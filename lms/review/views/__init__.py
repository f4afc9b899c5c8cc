"""Front-end views of the review feature (learner workspace, mentor queue, files, notices)."""
