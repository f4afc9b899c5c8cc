"""The limits of every input of an outcome, defined once.

The page form, the API schema and the service read them from here, so a report is
refused at the same size whichever way it arrives.
"""

import datetime
from decimal import Decimal

from cms.models.money import CURRENCIES, CURRENCY_CODES

# The model's column holds 10 digits with 2 decimals; a first sale of more than a
# million is a typing slip far more often than a fact.
MAX_AMOUNT = Decimal("1000000.00")
MIN_AMOUNT = Decimal("0.01")
AMOUNT_DECIMALS = 2
# How the API takes an amount: a string, so no binary fraction creeps in.
AMOUNT_PATTERN = r"^[0-9]{1,7}(\.[0-9]{1,2})?$"
MAX_LINK_LENGTH = 500
# Nothing before the academy's marketplaces existed.
EARLIEST_DATE = datetime.date(2005, 1, 1)
CURRENCY_CHOICES = CURRENCIES
CURRENCIES_ACCEPTED = tuple(CURRENCY_CODES)
