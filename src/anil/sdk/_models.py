"""Base model and exact-money JSON.

`Model` keeps the API's own field names, allows fields it does not declare (exposed as attributes:
`pessoa.nome`, nested objects become `Model`s too, lists of objects lists of `Model`s) and holds money as
`Decimal`: the SDK parses every JSON number with a fraction as `Decimal` and writes `Decimal` back as a
JSON number with exactly its digits, so `Decimal("10.10")` survives the round trip.

Declaring a typed model (S2's resources do) is ordinary pydantic::

    class Pessoa(Model):
        id: str | None = None
        nome: str | None = None
"""

from __future__ import annotations

import datetime as _dt
import enum
import json
import re
import uuid
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = ["Model", "dumps", "loads", "read_as", "to_jsonable"]


def loads(text: str | bytes) -> Any:
    """JSON with every non-integer number as `Decimal` (money stays exact)."""
    return json.loads(text, parse_float=Decimal)


_MARK = "\x00anil-decimal:"
_MARK_RE = re.compile(r'"\\u0000anil-decimal:([-+0-9.eE]+)"')


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text


def to_jsonable(value: Any) -> Any:
    """Models → dicts by their API field names (unset fields left out), dates → ISO text, UUIDs → text."""
    if isinstance(value, BaseModel):
        return to_jsonable(value.model_dump(by_alias=True, exclude_unset=True))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [to_jsonable(v) for v in value]
    if isinstance(value, enum.Enum):
        return to_jsonable(value.value)
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def _default(value: Any) -> Any:
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value} is not a JSON number")
        return _MARK + _plain(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def dumps(value: Any) -> str:
    """JSON text with `Decimal` written as a number with exactly its digits."""
    text = json.dumps(to_jsonable(value), default=_default, ensure_ascii=False, separators=(",", ":"))
    return _MARK_RE.sub(lambda m: m.group(1), text)


def _wrap(value: Any) -> Any:
    if isinstance(value, dict):
        return Model.model_validate(value)
    if isinstance(value, list):
        return [_wrap(v) for v in value]
    return value


class Model(BaseModel):
    """A record of the API: declared fields typed, any other field kept and readable as an attribute."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, arbitrary_types_allowed=True)

    @model_validator(mode="before")
    @classmethod
    def _nested_extras(cls, data: Any) -> Any:
        if isinstance(data, dict):
            declared = set(cls.model_fields)
            aliases = {f.alias for f in cls.model_fields.values() if f.alias}
            return {k: (v if (k in declared or k in aliases) else _wrap(v)) for k, v in data.items()}
        return data

    def __getitem__(self, key: str) -> Any:
        """`record["campo"]`, for field names that are not identifiers."""
        try:
            return getattr(self, key)
        except AttributeError:
            raise KeyError(key) from None

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-able data, with the API's field names (Decimal kept)."""
        return to_jsonable(self.model_dump(by_alias=True))

    def to_json(self) -> str:
        return dumps(self.model_dump(by_alias=True))


def read_as(model: type[Model], value: dict[str, Any]) -> Model:
    """An answer as `model`, even where it strays from the declared types (production's answers may; a
    typed SDK must not turn a field it did not expect into an exception): the fields that fail their type
    are kept as sent (objects as `Model`s), every other field typed."""
    from pydantic import ValidationError

    try:
        return model.model_validate(value)
    except ValidationError as exc:
        bad = {err["loc"][0] for err in exc.errors() if err.get("loc")}
        if not bad or not bad <= value.keys():
            raise
    record = model.model_validate({k: v for k, v in value.items() if k not in bad})
    for key in bad:
        raw = value[key]
        if isinstance(raw, dict):
            raw = Model.model_validate(raw)
        elif isinstance(raw, list):
            raw = [Model.model_validate(v) if isinstance(v, dict) else v for v in raw]
        record.__dict__[key] = raw
    return record
