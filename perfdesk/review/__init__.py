"""目标审核: the finance bureau's review of a form (完整性, 相关性, 适当性, 可行性), done offline
before the form is submitted, with a grade (优 / 良 / 中 / 差) and the reasons.

The rules, their weights, the grade thresholds and the word lists are data (``rules.json``);
where a layout keeps what the rules read is one file per layout (``layouts/<key>.json``).
"""

from perfdesk.review.engine import Review, ReviewFinding, previous_year_project, review

__all__ = ["Review", "ReviewFinding", "previous_year_project", "review"]
