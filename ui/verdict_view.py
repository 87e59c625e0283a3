"""How a verdict looks: one table from reason to colour, icon and words; the screen showing it.

The engine (kiosk.checkin) decides; this module only words its Verdict for a guest: a headline,
what to do next, the guest's name in their own script (and romanised beneath when different),
times in the event's time zone and places by their local names in Chinese. Colour is never the
only signal: every verdict has its icon (tick, cross) and words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from kiosk.checkin import Verdict
from kiosk.domain import Category, Reason
from ui.badge_printing import BadgeProgress, BadgeStage
from ui.scaling import HeightFit

translate = QCoreApplication.translate  # pyside6-lupdate finds translate("Context", "text")


class Icon(Enum):
    TICK = "tick"
    CROSS = "cross"


@dataclass(frozen=True, slots=True)
class Tone:
    background: str
    foreground: str
    icon: Icon


GO = Tone("#0b6e35", "#ffffff", Icon.TICK)
STOP = Tone("#a4001d", "#ffffff", Icon.CROSS)


@dataclass(frozen=True, slots=True)
class Places:
    """What the screens need to name places and times: the event's zone and local names."""

    timezone: str = "UTC"
    local_names: dict[str, str] = field(default_factory=dict)  # checkpoint name -> local name

    def place(self, name: str | None, chinese: bool) -> str:
        if not name:
            return translate("Verdict", "another entrance")
        return self.local_names.get(name, name) if chinese else name

    def clock(self, moment: dt.datetime) -> str:
        return moment.astimezone(ZoneInfo(self.timezone)).strftime("%H:%M")


@dataclass(frozen=True, slots=True)
class Presentation:
    """Everything the verdict screen shows, already in the language in force."""

    tone: Tone
    headline: str
    guidance: str
    name: str
    name_latin: str


def category_label(category: str) -> str:
    labels = {
        Category.GUEST.value: translate("Verdict", "Guest"),
        Category.VIP.value: translate("Verdict", "VIP"),
        Category.SPEAKER.value: translate("Verdict", "Speaker"),
        Category.EXHIBITOR.value: translate("Verdict", "Exhibitor"),
        Category.MEDIA.value: translate("Verdict", "Media"),
        Category.STAFF.value: translate("Verdict", "Staff"),
    }
    return labels.get(category, category)


def _is_chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


def _day_list(days: tuple[dt.date, ...]) -> str:
    if _is_chinese():
        return "、".join(f"{d.month}月{d.day}日" for d in days)
    return ", ".join(f"{d:%a} {d.day} {d:%b}" for d in days)


def _lines(*parts: str) -> str:
    return "\n".join(parts)


def _words(verdict: Verdict, places: Places) -> tuple[Tone, str, str]:
    """Tone, headline and what to do next for the verdict's reason: the one table."""
    help_desk = translate("Verdict", "Please see the help desk.")
    reason = verdict.reason
    if reason is Reason.ADMITTED:
        if verdict.is_first_arrival:  # the badge line beneath says where the badge is
            return GO, translate("Verdict", "Welcome"), translate("Verdict", "You are checked in.")
        return GO, translate("Verdict", "Welcome"), translate("Verdict", "Please go in.")
    if reason is Reason.READMITTED:
        return GO, translate("Verdict", "Welcome back"), translate("Verdict", "Please go in.")
    if reason is Reason.EXITED:
        return GO, translate("Verdict", "Goodbye"), translate("Verdict", "Thank you for coming.")
    if reason is Reason.ALREADY_CHECKED_IN:
        since = translate("Verdict", "You have already checked in.")
        if verdict.first_checkin_at is not None:
            place = places.place(verdict.first_checkin_checkpoint, _is_chinese())
            since = (translate("Verdict", "You checked in at %1 at %2.")
                     .replace("%1", places.clock(verdict.first_checkin_at)).replace("%2", place))
        return STOP, translate("Verdict", "Already checked in"), _lines(since, help_desk)
    if reason is Reason.WRONG_DAY:
        days = translate("Verdict", "This pass is not valid at this entrance.")
        if verdict.valid_days:
            days = (translate("Verdict", "This pass is valid on %1.")
                    .replace("%1", _day_list(verdict.valid_days)))
        return STOP, translate("Verdict", "This pass is not valid today"), _lines(days, help_desk)
    if reason is Reason.WRONG_CATEGORY:
        joiner = "、" if _is_chinese() else ", "
        labels = joiner.join(category_label(c) for c in verdict.allowed_categories)
        text = translate("Verdict", "This entrance is for: %1.").replace("%1", labels)
        return STOP, translate("Verdict", "Not allowed at this entrance"), _lines(text, help_desk)
    if reason is Reason.CLOSED:
        opens = verdict.opens_at.strftime("%H:%M") if verdict.opens_at else "--"
        closes = verdict.closes_at.strftime("%H:%M") if verdict.closes_at else "--"
        text = translate("Verdict", "Open from %1 to %2.").replace("%1", opens)
        return STOP, translate("Verdict", "This entrance is closed now"), text.replace("%2", closes)
    if reason is Reason.UNKNOWN_CODE:
        text = translate("Verdict", "This code is not on the guest list.")
        return STOP, translate("Verdict", "Code not recognised"), _lines(text, help_desk)
    if reason is Reason.REVOKED:
        text = translate("Verdict", "A newer pass was issued, or the registration was cancelled.")
        return STOP, translate("Verdict", "This pass is no longer valid"), _lines(text, help_desk)
    # Reason.INVALID: damaged or forged; say nothing that helps a forger.
    return STOP, translate("Verdict", "This code is not valid"), help_desk


def present(verdict: Verdict, places: Places) -> Presentation:
    """The words for a verdict in the language now installed (see ui.translations)."""
    tone, headline, guidance = _words(verdict, places)
    guest = verdict.guest
    name, latin = "", ""
    if guest is not None and verdict.reason not in (Reason.UNKNOWN_CODE, Reason.INVALID):
        if guest.name:
            name = guest.name
            latin = guest.name_latin if guest.name_latin and guest.name_latin != name else ""
        elif guest.number is not None:
            name = translate("Verdict", "Guest no. %1").replace("%1", str(guest.number))
    return Presentation(tone, headline, guidance, name, latin)


# Full sizes; a page too short for them scales them all down (VerdictPage.fit).
ICON_PX = 200
HEADLINE_PT, NAME_PT, LINE_PT, BADGE_PT = 54, 64, 30, 26
MARGIN, SPACING = 60, 18
MIN_SCALE = 0.4  # readable still; below that the page is simply too small


class VerdictIcon(QWidget):
    """A tick or a cross in a ring, drawn (no font needed), in the foreground colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = Icon.TICK
        self.colour = QColor("#ffffff")
        self.setFixedSize(ICON_PX, ICON_PX)

    def set_icon(self, icon: Icon, colour: str) -> None:
        self.icon, self.colour = icon, QColor(colour)
        self.setAccessibleName(icon.value)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        width = side / 11
        pen = QPen(self.colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        ring = QRectF(width, width, side - 2 * width, side - 2 * width)
        painter.drawEllipse(ring)
        path = QPainterPath()
        s = side
        if self.icon is Icon.TICK:
            path.moveTo(QPointF(0.28 * s, 0.52 * s))
            path.lineTo(QPointF(0.44 * s, 0.68 * s))
            path.lineTo(QPointF(0.73 * s, 0.35 * s))
        else:
            path.moveTo(QPointF(0.34 * s, 0.34 * s))
            path.lineTo(QPointF(0.66 * s, 0.66 * s))
            path.moveTo(QPointF(0.66 * s, 0.34 * s))
            path.lineTo(QPointF(0.34 * s, 0.66 * s))
        painter.drawPath(path)
        painter.end()


def _label(point_size: int, bold: bool = False) -> QLabel:
    label = QLabel()
    font = QFont()
    font.setPointSize(point_size)
    font.setBold(bold)
    label.setFont(font)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class VerdictPage(QWidget):
    """The full-screen answer: colour, icon, headline, name, what to do, badge progress.

    Signals:
        painted(): the page was painted (the moment a guest can see the answer).
    """

    painted = Signal()

    def __init__(self, places: Places, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places = places
        self.verdict: Verdict | None = None
        self.presentation: Presentation | None = None
        self.badge: BadgeProgress | None = None
        self.setObjectName("VerdictPage")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.icon = VerdictIcon()
        self.headline = _label(HEADLINE_PT, bold=True)
        self.name = _label(NAME_PT, bold=True)
        self.name_latin = _label(LINE_PT)
        self.guidance = _label(LINE_PT)
        self.badge_status = _label(BADGE_PT)
        self.badge_progress = QProgressBar()
        self.badge_progress.setRange(0, 0)
        self.badge_progress.setTextVisible(False)
        self.badge_progress.setFixedHeight(14)
        self.badge_progress.setMaximumWidth(600)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        layout.setSpacing(SPACING)
        layout.addStretch(1)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.headline, self.name, self.name_latin, self.guidance):
            layout.addWidget(widget)
        layout.addSpacing(20)
        layout.addWidget(self.badge_status)
        layout.addWidget(self.badge_progress, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self._fit = HeightFit(layout, (
            (self.headline, HEADLINE_PT), (self.name, NAME_PT), (self.name_latin, LINE_PT),
            (self.guidance, LINE_PT), (self.badge_status, BADGE_PT)),
            self._scale_the_rest, min_scale=MIN_SCALE)
        self.set_badge_state(None)

    def show_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.badge = None
        self.set_badge_state(None)
        self.retranslate()

    def retranslate(self) -> None:
        if self.verdict is None:
            return
        self.presentation = present(self.verdict, self.places)
        self._apply(self.presentation)
        self._show_badge()

    def _apply(self, shown: Presentation) -> None:
        self.setStyleSheet(f"#VerdictPage {{ background: {shown.tone.background}; }}")
        style = f"color: {shown.tone.foreground};"
        for label in (self.headline, self.name, self.name_latin, self.guidance,
                      self.badge_status):
            label.setStyleSheet(style)
        self.icon.set_icon(shown.tone.icon, shown.tone.foreground)
        self.headline.setText(shown.headline)
        self.name.setText(shown.name)
        self.name.setVisible(bool(shown.name))
        self.name_latin.setText(shown.name_latin)
        self.name_latin.setVisible(bool(shown.name_latin))
        self.guidance.setText(shown.guidance)
        self.setAccessibleName(f"{shown.headline}. {shown.guidance}")
        self.fit()

    def show_problem(self, headline: str, guidance: str) -> None:
        """A calm refusal when the scan itself could not be checked (a fault, not a verdict)."""
        self.verdict = None
        self.presentation = Presentation(STOP, headline, guidance, "", "")
        self._apply(self.presentation)
        self.set_badge_state(None)

    def set_badge_progress(self, progress: BadgeProgress) -> None:
        """The badge line for a stage of the print job."""
        self.badge = progress
        self._show_badge()

    def _show_badge(self) -> None:
        progress = self.badge
        if progress is None:
            self.set_badge_state(None)
        elif progress.stage in (BadgeStage.QUEUED, BadgeStage.PRINTING):
            self.set_badge_state(translate("Verdict", "Printing your badge... take it below."),
                                 busy=True)
        elif progress.stage is BadgeStage.DONE:
            self.set_badge_state(translate("Verdict", "Your badge is ready. Please take it below."))
        elif progress.stage is BadgeStage.UNAVAILABLE:
            self.set_badge_state(translate(
                "Verdict", "Please collect your badge at the help desk."))
        else:
            self.set_badge_state(translate(
                "Verdict", "Your badge will be ready for you at the help desk in a moment."))

    def set_badge_state(self, text: str | None, *, busy: bool = False) -> None:
        """The badge line under the verdict: None hides it; busy shows a moving bar."""
        self.badge_status.setVisible(text is not None)
        self.badge_status.setText(text or "")
        self.badge_progress.setVisible(busy)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Everything smaller in proportion when the page is too short for the full sizes (a
        1280x800 tablet, a long name on two lines), so the icon, the words and the badge line
        never overlap (ui.scaling)."""
        self._fit.fit(self.width(), self.height())

    @property
    def scale(self) -> float:
        return self._fit.scale

    def _needed_height(self, width: int) -> int:
        return self._fit.needed_height(width)

    def _scale_the_rest(self, scale: float) -> None:
        side = round(ICON_PX * scale)
        self.icon.setFixedSize(side, side)
        margin = round(MARGIN * scale)
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(round(SPACING * scale))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()
