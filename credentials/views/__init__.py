"""Front-end views of credentials: badge pages, awarding and revoking, learner profiles."""
