"""How a clause's measurements become one verdict and one readable line: each measured
number with the number wanted and its tolerance, and the worst deviation kept for the
report's table."""
from dataclasses import dataclass


@dataclass
class Finding:
    clause: str
    case: str
    held: bool | None     # None: the clause does not apply to this notice
    text: str
    worst: str | None = None   # the measured value farthest from what is wanted, as printed
    off: float = -1.0          # how far it is from what is wanted (1e6 for a failed fact)


class Measure:
    """The measurements of one clause on one notice."""

    def __init__(self, clause, case):
        self.clause, self.case = clause, case
        self.parts, self.ok = [], True
        self.worst, self.off = None, -1.0
        self.failed_fact = None
        self.na = None

    def _keep(self, ok, printed, off):
        """Keeps the verdict, and the numeric measurement furthest from what is wanted (a
        failed fact is kept apart, for a clause that measures no number)."""
        self.ok &= bool(ok)
        if off is None or off >= 1e6:
            if not ok and self.failed_fact is None:
                self.failed_fact = printed
        elif off > self.off:
            self.worst, self.off = printed, off

    def near(self, what, value, wanted, tol=0.5, unit="mm", digits=1):
        """value should be wanted ± tol."""
        if value is None:
            return self.fail(f"{what}: not measured")
        ok = abs(value - wanted) <= tol + 1e-9
        printed = f"{what} {value:.{digits}f}{' ' + unit if unit else ''}"
        self.parts.append(f"{printed} ({wanted:.{digits}f} ± {tol:.2g}){'' if ok else ' ✗'}")
        self._keep(ok, printed, abs(value - wanted))
        return ok

    def near_all(self, what, values, wanted, tol=0.5, unit="mm", digits=1):
        """Every value (label, number) should be wanted ± tol; prints the range and the
        labels of those off."""
        values = [(k, v) for k, v in values if v is not None]
        if not values:
            return self.fail(f"{what}: not measured")
        off = [(k, v) for k, v in values if abs(v - wanted) > tol + 1e-9]
        lo, hi = min(v for _, v in values), max(v for _, v in values)
        span = f"{lo:.{digits}f}" if abs(hi - lo) < 10 ** -digits else f"{lo:.{digits}f}–{hi:.{digits}f}"
        where = f" ✗ at {', '.join(str(k) for k, _ in off[:6])}{'…' if len(off) > 6 else ''}" if off else ""
        unit = " " + unit if unit else ""
        self.parts.append(f"{what} {span}{unit} ({wanted:.{digits}f} ± {tol:.2g}){where}")
        k, v = max(values, key=lambda kv: abs(kv[1] - wanted))
        self._keep(not off, f"{what} {v:.{digits}f}{unit} ({k})", abs(v - wanted))
        return not off

    def between(self, what, value, lo, hi, unit="mm", digits=1):
        if value is None:
            return self.fail(f"{what}: not measured")
        ok = lo - 1e-9 <= value <= hi + 1e-9
        printed = f"{what} {value:.{digits}f}{' ' + unit if unit else ''}"
        self.parts.append(f"{printed} ({lo:.{digits}f}–{hi:.{digits}f}){'' if ok else ' ✗'}")
        self._keep(ok, printed, 0.0 if ok else min(abs(value - lo), abs(value - hi)))
        return ok

    def fact(self, ok, text, wanted=None):
        """A measured fact that is not a number: a colour, a face, a count."""
        self.parts.append(f"{text}{f' ({wanted})' if wanted is not None else ''}{'' if ok else ' ✗'}")
        self._keep(ok, text, None if ok else 1e6)
        return ok

    def fail(self, text):
        self.parts.append(text + " ✗")
        self._keep(False, text, 1e6)
        return False

    def not_applicable(self, why):
        self.na = why

    def finding(self):
        if self.na is not None and not self.parts:
            return Finding(self.clause, self.case, None, f"n/a ({self.na})")
        held = self.ok and bool(self.parts)
        worst, off = (self.worst, self.off) if self.worst else (self.failed_fact, 1e6 if self.failed_fact else -1.0)
        return Finding(self.clause, self.case, held, ", ".join(self.parts) or "nothing measured", worst, off)
