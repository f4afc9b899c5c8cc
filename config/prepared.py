"""ORM queries compiled to SQL once per process, then run with new values.

Django compiles a queryset to SQL every time it runs: for the short, indexed queries a
page asks on every request (a learner's enrolment, her unread notices), that costs
several times what the database does. ``Prepared`` keeps the ORM's definition of the
query and compiles it once per database and list length, with stand-in values in
place of the arguments; each run puts the real values where the stand-ins were and
hands the rows to Django's own converters, so it returns what the queryset would have.

    unread = Prepared(
        lambda user_id: Notice.objects.filter(user_id=user_id, read_at=None)
        .values_list("pk", flat=True),
        user_id=int,
    )
    unread(user_id=7)  # [12, 15]

Arguments are ints, strings or UUIDs (``int``, ``str``, ``uuid.UUID``), or lists of
them (``[int]``, ``[str]``, ``[uuid.UUID]``). A query returns model instances (without
``select_related``) or ``values_list`` rows. A query whose SQL does not hold each
stand-in exactly once (a lookup that rewrites its value, such as ``icontains``) is
refused when it is first compiled, not run wrongly. Queries still count as queries in
tests: they go through Django's cursor.
"""

import uuid

from django.db import connections, router
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable

# Stand-ins: values no real argument takes, within a 32-bit integer (Django drops a
# lookup whose integer overflows its column).
_INT_BASE = 2_046_000_000
_UUID_BASE = 0x5EED_0000_0000_4000_8000_0000_0000_0000


class PreparedError(ValueError):
    pass


def _stand_in(kind, number):
    if kind is int:
        return _INT_BASE + number
    if kind is str:
        return f"\x1fprepared-{number}\x1f"
    if kind is uuid.UUID:
        return uuid.UUID(int=_UUID_BASE + number)
    raise PreparedError(f"unsupported argument type {kind!r}")


# How a backend may have written a stand-in into the parameters.
_FORMS = {
    "same": lambda value: value,
    "hex": lambda value: value.hex,
    "text": str,
}


class _Plan:
    def __init__(self, sql, slots, compiler, converters, iterable, model):
        self.sql, self.slots = sql, slots
        self.compiler, self.converters = compiler, converters
        self.iterable, self.model = iterable, model


class Prepared:
    def __init__(self, build, **kinds):
        self.build = build
        self.kinds = kinds
        self.alias = None
        self._plans = {}

    def _compile(self, alias, lengths):
        stand_ins, wanted = {}, {}
        number = 0
        for name, kind in self.kinds.items():
            if isinstance(kind, list):
                values = []
                for index in range(lengths[name]):
                    values.append(_stand_in(kind[0], number))
                    wanted[number] = (name, index)
                    number += 1
                stand_ins[name] = values
            else:
                stand_ins[name] = _stand_in(kind, number)
                wanted[number] = (name, None)
                number += 1
        queryset = self.build(**stand_ins)
        if queryset._iterable_class not in (
            ModelIterable,
            ValuesListIterable,
            FlatValuesListIterable,
        ):
            raise PreparedError("only model rows and values_list() are supported")
        if queryset._iterable_class is ModelIterable and (
            queryset.query.select_related or queryset.query.annotation_select
        ):
            raise PreparedError("select_related() and annotations are not supported")
        compiler = queryset.query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        by_form = {}
        for number, (name, index) in wanted.items():
            value = stand_ins[name] if index is None else stand_ins[name][index]
            for form, write in _FORMS.items():
                try:
                    written = write(value)
                except AttributeError:
                    continue
                by_form.setdefault((type(written), written), (number, form))
        slots, seen = [], set()
        for param in params:
            found = by_form.get((type(param), param))
            if found is None:
                slots.append(("const", param))
                continue
            number, form = found
            if number in seen:
                raise PreparedError("an argument appears twice in the SQL")
            seen.add(number)
            name, index = wanted[number]
            slots.append(("value", name, index, _FORMS[form]))
        if seen != set(wanted):
            raise PreparedError("an argument was rewritten by its lookup")
        columns = [column for column, _sql, _alias in compiler.select]
        converters = compiler.get_converters(columns)
        return _Plan(sql, slots, compiler, converters, queryset._iterable_class, queryset.model)

    def __call__(self, **values):
        if set(values) != set(self.kinds):
            raise TypeError(f"expected the arguments {sorted(self.kinds)}")
        lengths = {
            name: len(values[name]) for name, kind in self.kinds.items() if isinstance(kind, list)
        }
        if any(length == 0 for length in lengths.values()):
            return []
        alias = self.alias
        if alias is None:
            alias = self.alias = router.db_for_read(self.build(**self._examples()).model)
        # Plans differ by database and by the lengths of the lists.
        key = (alias, tuple(sorted(lengths.items())))
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = self._compile(alias, lengths)
        params = []
        for slot in plan.slots:
            if slot[0] == "const":
                params.append(slot[1])
            else:
                _tag, name, index, write = slot
                value = values[name] if index is None else values[name][index]
                params.append(write(value))
        with connections[alias].cursor() as cursor:
            cursor.execute(plan.sql, params)
            rows = cursor.fetchall()
        if plan.converters:
            rows = [tuple(row) for row in plan.compiler.apply_converters(rows, plan.converters)]
        if plan.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if plan.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        names = [column.target.attname for column, _sql, _alias in plan.compiler.select]
        return [plan.model.from_db(alias, names, row) for row in rows]

    def _examples(self):
        return {
            name: [_stand_in(kind[0], 0)] if isinstance(kind, list) else _stand_in(kind, 0)
            for name, kind in self.kinds.items()
        }
