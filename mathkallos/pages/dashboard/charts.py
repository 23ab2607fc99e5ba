"""Plotly figures for the dashboard, built from the KPI series (no rules here, only drawing).

Colours and fonts come from the plotly template that `rx.plotly` picks for the light or dark
theme; figures keep a transparent background, small margins and no toolbar clutter so they
stay readable on a phone.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import plotly.graph_objects as go

from mathkallos import i18n
from mathkallos.services.kpi.dto import Series, TopicMastery

ACCENT = "#3e63dd"  # Radix indigo 9, the app's accent
MASTERED = "#30a46c"  # Radix green 9
LEARNING = "#f76b15"  # Radix orange 9
HEATMAP_WEEKS = 18
RECENT_DAYS = 30  # the line and bar charts show the last month
CHART_HEIGHT = 280
MIN_COUNT_AXIS = 5

FigureData = dict[str, Any]
"""A figure as the browser receives it (plotly's JSON). States hold this rather than a
`go.Figure`: Reflex copies every var default into each new session, and one deep copy of an
empty plotly Figure costs about 30 ms, which every visitor of any page would pay."""


def figure_data(figure: go.Figure) -> FigureData:
    return json.loads(figure.to_json())


def _recent(series: Series) -> list[tuple[date, float | None]]:
    return list(zip(series.dates, series.values, strict=True))[-RECENT_DAYS:]


def _date_axis(figure: go.Figure, days: list[date]) -> None:
    if days:
        start = (days[0] - timedelta(days=1)).isoformat()
        end = (days[-1] + timedelta(days=1)).isoformat()
        figure.update_xaxes(type="date", range=[start, end], tickformat="%d %b")


def _layout(figure: go.Figure, *, height: int = CHART_HEIGHT) -> go.Figure:
    figure.update_layout(
        height=height,
        margin={"l": 40, "r": 12, "t": 12, "b": 36},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        showlegend=False,
        dragmode=False,
        hovermode="x unified",
    )
    return figure


def score_chart(series: Series, lang: str) -> go.Figure:
    """Percent of points earned per day, as a line with the days without answers left out."""
    recent = _recent(series)
    points = [(day, value) for day, value in recent if value is not None]
    figure = go.Figure(
        go.Scatter(
            x=[day.isoformat() for day, _ in points],
            y=[round(value, 1) for _, value in points],
            mode="lines+markers",
            line={"color": ACCENT, "width": 2},
            name=i18n.translate("dashboard.chart.score", lang),
            hovertemplate="%{y}%<extra></extra>",
        )
    )
    figure.update_yaxes(range=[0, 105], ticksuffix="%")
    _date_axis(figure, [day for day, _ in recent])
    return _layout(figure)


def daily_line(series: Series, lang: str) -> go.Figure:
    """A count per day over the last month (daily active users)."""
    recent = _recent(series)
    figure = go.Figure(
        go.Scatter(
            x=[day.isoformat() for day, _ in recent],
            y=[value or 0 for _, value in recent],
            mode="lines+markers",
            line={"color": ACCENT, "width": 2},
            name=i18n.translate("reports.daily_active", lang),
        )
    )
    peak = max((value or 0 for _, value in recent), default=0)
    figure.update_yaxes(range=[0, max(MIN_COUNT_AXIS, peak * 1.1)])  # whole numbers of users
    _date_axis(figure, [day for day, _ in recent])
    return _layout(figure)


def time_chart(series: Series, lang: str) -> go.Figure:
    recent = _recent(series)
    figure = go.Figure(
        go.Bar(
            x=[day.isoformat() for day, _ in recent],
            y=[round(value or 0, 1) for _, value in recent],
            marker_color=ACCENT,
            name=i18n.translate("dashboard.chart.minutes", lang),
            hovertemplate="%{y} " + i18n.translate("runner.min", lang) + "<extra></extra>",
        )
    )
    figure.update_yaxes(rangemode="tozero")
    _date_axis(figure, [day for day, _ in recent])
    return _layout(figure)


def mastery_chart(topics: list[TopicMastery], lang: str) -> go.Figure:
    """Recent accuracy per topic; green once the mastery rule holds."""
    names = [i18n.translate_tag("topic.", t.topic, lang) for t in topics]
    figure = go.Figure(
        go.Bar(
            x=[round(t.accuracy or 0, 1) for t in topics],
            y=names,
            orientation="h",
            marker_color=[MASTERED if t.mastered else LEARNING for t in topics],
            hovertemplate="%{y}: %{x}%<extra></extra>",
        )
    )
    figure.update_xaxes(range=[0, 100], ticksuffix="%")
    figure.update_yaxes(automargin=True)
    return _layout(figure, height=max(160, 48 * len(topics) + 60))


def activity_heatmap(series: Series, today: date, lang: str) -> go.Figure:
    """A calendar of the last weeks: one column per week, one row per weekday."""
    counts = {day: value or 0 for day, value in zip(series.dates, series.values, strict=True)}
    first = today - timedelta(days=today.weekday() + 7 * (HEATMAP_WEEKS - 1))
    weeks = [first + timedelta(weeks=w) for w in range(HEATMAP_WEEKS)]
    z, text = [], []
    for weekday in range(7):
        row, labels = [], []
        for monday in weeks:
            day = monday + timedelta(days=weekday)
            row.append(None if day > today else counts.get(day, 0))
            labels.append(day.isoformat())
        z.append(row)
        text.append(labels)
    weekday_names = i18n.translate("dashboard.weekdays", lang).split(",")
    figure = go.Figure(
        go.Heatmap(
            z=z,
            x=[monday.isoformat() for monday in weeks],
            y=weekday_names,
            text=text,
            colorscale=[[0, "rgba(62,99,221,0.08)"], [1, ACCENT]],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{text}: %{z}<extra></extra>",
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(showgrid=False, tickformat="%d %b")
    figure.update_yaxes(showgrid=False)
    return _layout(figure, height=220)
