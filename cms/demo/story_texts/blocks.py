"""Helpers that keep the story texts short: each returns a (block type, value) pair."""


def p(text):
    return ("paragraph", f"<p>{text}</p>")


def quote(text, attribution=""):
    return ("quote", {"text": text, "attribution": attribution})


def qa(question, answer):
    return ("interview", {"question": question, "answer": f"<p>{answer}</p>"})


def figure(value, label):
    return ("figure", {"value": value, "label": label})
