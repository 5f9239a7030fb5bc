package report

import (
	"bufio"
	"fmt"
	"sort"
	"time"

	"cellule/crisis"
)

// The chronology is an inline SVG drawing in the manner of the seed
// report's "Chronologie des événements de la crise": a time axis, the key
// entries as labelled marks above it, and below it one band row per thing
// that has periods: the crisis stages, then one row per recovery phase.
// Plain SVG: no script, no font, no external file.

// Drawing geometry, in SVG user units (the figure scales to the page).
const (
	svgWidth    = 820.0
	svgLeft     = 20.0
	svgRight    = 800.0
	laneTop     = 34.0
	laneHeight  = 16.0
	maxLanes    = 8
	maxMarks    = 40
	charWidth   = 5.7 // average advance of the 10-unit label font
	bandHeight  = 24.0
	bandGap     = 8.0
	phaseHeight = 16.0
	phaseGap    = 5.0
	labelRunes  = 30
	minTickDist = 56.0
)

// stageColours fill the stage bands; each is distinct so a reader (and
// the browser test) can tell them apart.
var stageColours = map[crisis.Stage]string{
	crisis.StageAlert:         "#f2c230",
	crisis.StageQualification: "#f08a24",
	crisis.StageContainment:   "#d23f3f",
	crisis.StageInvestigation: "#8757c4",
	crisis.StageRemediation:   "#2e9a62",
	crisis.StageEnd:           "#7d8b99",
}

// kindColours colour the marks.
var kindColours = map[crisis.Kind]string{
	crisis.KindDecision:   "#1f5fa8",
	crisis.KindEscalation: "#d4572a",
	crisis.KindClosure:    "#333333",
}

// phaseColours fill a recovery phase's band: the solid colour once the
// phase is validated, its pale tint while it is still under way. Each is
// distinct from the stages' and the marks' colours.
var phaseColours = [crisis.PhaseCount]struct{ validated, running string }{
	{"#0b7a75", "#9fd3cf"},
	{"#b5651d", "#ecc49c"},
	{"#5f7f1a", "#c6dc94"},
	{"#b0175a", "#f2a9c8"},
}

// bandRow is one row of periods under the axis.
type bandRow struct {
	title  string
	height float64
	spans  []bandSpan
}

type bandSpan struct {
	label, colour string
	// ink is the colour of a label drawn inside the band.
	ink      string
	from, to time.Time
}

// chronologyBands are the band rows, top to bottom: the stages, then each
// recovery phase that has begun, from the earliest change recorded on its
// items (see phaseStart) to its validation, or to the end of the record
// while it is not validated.
func chronologyBands(f *facts) []bandRow {
	stages := bandRow{title: f.t("chart.stages"), height: bandHeight}
	for _, s := range f.stages {
		colour, ok := stageColours[s.stage]
		if !ok {
			colour = "#999999"
		}
		stages.spans = append(stages.spans, bandSpan{label: f.stageLabel(s.stage), colour: colour, ink: "#ffffff", from: s.from, to: s.to})
	}
	rows := []bandRow{stages}
	for _, p := range f.plan.Phases {
		from, ok := phaseStart(p)
		if !ok || p.Number < 1 || p.Number > crisis.PhaseCount {
			continue
		}
		c := phaseColours[p.Number-1]
		span := bandSpan{colour: c.running, ink: "#1d2733", from: from, to: f.last}
		if p.ValidatedAt != nil {
			span.colour, span.ink, span.to = c.validated, "#ffffff", *p.ValidatedAt
			span.label = f.t("chart.validated", p.Number, f.phaseTitle(p))
		} else {
			span.label = f.t("chart.phase", p.Number, f.phaseTitle(p), f.phaseStateLabel(p.State), p.Progress)
		}
		if span.to.Before(span.from) {
			span.to = span.from
		}
		rows = append(rows, bandRow{title: f.t("chart.row", p.Number), height: phaseHeight, spans: []bandSpan{span}})
	}
	return rows
}

// rowsHeight is the height the band rows take.
func rowsHeight(rows []bandRow) float64 {
	h := 0.0
	for _, r := range rows {
		h += r.height + rowGap(r)
	}
	return h
}

func rowGap(r bandRow) float64 {
	if r.height < bandHeight {
		return phaseGap
	}
	return bandGap
}

// mark is a key entry placed on the drawing.
type mark struct {
	e      crisis.Entry
	x      float64
	lane   int
	anchor string
	label  string
}

// markPicker keeps at most about maxMarks key entries, evenly through the
// logbook, in one pass and without knowing their number beforehand: it
// keeps every stride-th one and, when full, drops every other kept one and
// doubles the stride. Stage changes are always kept (up to a cap).
type markPicker struct {
	stages, others []crisis.Entry
	seen, stride   int
}

func (p *markPicker) add(e crisis.Entry, l *tongue) {
	e.Text = shortText(entryText(e, l), labelRunes)
	if e.Stage != "" && len(p.stages) < 2*maxMarks {
		p.stages = append(p.stages, e)
		return
	}
	if p.stride == 0 {
		p.stride = 1
	}
	i := p.seen
	p.seen++
	if i%p.stride != 0 {
		return
	}
	p.others = append(p.others, e)
	if len(p.others) > maxMarks {
		kept := p.others[:0]
		for j := 0; j < len(p.others); j += 2 {
			kept = append(kept, p.others[j])
		}
		p.others = kept
		p.stride *= 2
	}
}

// picked is the kept entries in logbook order.
func (p *markPicker) picked() []crisis.Entry {
	out := make([]crisis.Entry, 0, len(p.stages)+len(p.others))
	out = append(out, p.stages...)
	out = append(out, p.others...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

func writeChronologySVG(w *bufio.Writer, f *facts) error {
	t0, t1 := f.first, f.last
	if t0.IsZero() {
		_, err := w.WriteString("<p><em>" + f.t("chart.empty") + "</em></p>\n")
		return err
	}
	if !t1.After(t0) {
		t1 = t0.Add(time.Hour)
	}
	span := t1.Sub(t0).Seconds()
	xOf := func(t time.Time) float64 {
		return svgLeft + (svgRight-svgLeft)*t.Sub(t0).Seconds()/span
	}

	marks, lanes := placeMarks(f.marks, xOf, func(t time.Time) string { return f.l.day(t, f.loc) })
	axisY := laneTop + float64(lanes)*laneHeight + 14
	rows := chronologyBands(f)
	bandTop := axisY + 26
	height := bandTop + rowsHeight(rows) + 4
	clampX := func(t time.Time) float64 { return min(max(xOf(t), svgLeft), svgRight) }

	fmt.Fprintf(w, "<figure class=\"chronology\">\n<svg viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-labelledby=\"chrono-title\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n", svgWidth, height)
	fmt.Fprintf(w, "<title id=\"chrono-title\">%s</title>\n", f.t("chart.title"))
	fmt.Fprintf(w, "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" fill=\"#ffffff\"/>\n", svgWidth, height)
	fmt.Fprintf(w, "<text x=\"%.0f\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#12436d\">%s</text>\n", svgLeft, f.t("chart.title"))

	// Bands first, under everything else.
	y := bandTop
	for _, row := range rows {
		for _, s := range row.spans {
			x0, x1 := clampX(s.from), clampX(s.to)
			width := x1 - x0
			if width < 2 {
				width = 2
			}
			fmt.Fprintf(w, "<g class=\"band\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.0f\" fill=\"%s\"><title>%s</title></rect>",
				x0, y, width, row.height, s.colour, f.t("chart.span", escLine(s.label), f.at(s.from), f.at(s.to)))
			// The label goes inside the band when it fits, else beside it
			// on the side with room.
			text := float64(len([]rune(s.label))) * charWidth
			ty := y + row.height/2 + 3.5
			switch {
			case text+8 < width:
				fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"%s\">%s</text>", x0+4, ty, s.ink, escLine(s.label))
			case x0+width+4+text <= svgWidth-2:
				fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#1d2733\">%s</text>", x0+width+4, ty, escLine(s.label))
			default:
				fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\" fill=\"#1d2733\">%s</text>", x0-4, ty, escLine(s.label))
			}
			w.WriteString("</g>\n")
		}
		y += row.height + rowGap(row)
	}

	// The axis and its ticks.
	fmt.Fprintf(w, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#12436d\" stroke-width=\"2\"/>\n", svgLeft, axisY, svgRight, axisY)
	for _, tk := range ticks(t0, t1, f.loc, f.l) {
		x := xOf(tk.at)
		fmt.Fprintf(w, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#12436d\"/>", x, axisY, x, axisY+5)
		if tk.label != "" {
			fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9\" text-anchor=\"middle\" fill=\"#333333\">%s</text>", x, axisY+16, tk.label)
		}
		w.WriteString("\n")
	}

	// The marks and their labels.
	for _, m := range marks {
		ly := laneTop + float64(m.lane)*laneHeight
		colour, ok := kindColours[m.e.Kind]
		if !ok {
			colour = "#12436d"
		}
		fmt.Fprintf(w, "<g class=\"mark\"><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"0.8\"/>", m.x, ly+3, m.x, axisY, colour)
		fmt.Fprintf(w, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", m.x, axisY, colour)
		fmt.Fprintf(w, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"%s\" fill=\"#1d2733\">%s</text>", m.x, ly, m.anchor, escLine(m.label))
		fmt.Fprintf(w, "<title>#%d %s: %s</title></g>\n", m.e.ID, f.at(m.e.OccurredAt), escLine(m.e.Text))
	}
	found := writeFoundMarks(w, f, xOf, axisY)
	w.WriteString("</svg>\n")
	caption := f.t("chart.caption")
	caption += f.foundCaption(found)
	if len(rows) > 1 {
		caption += f.t("chart.captionPhases")
	}
	if drawn := len(marks); drawn < f.keyEntries {
		caption += f.t("chart.captionDrawn", drawn, f.keyEntries)
	}
	_, err := w.WriteString("<figcaption>" + caption + "</figcaption>\n</figure>\n")
	return err
}

// placeMarks gives each mark a label lane above the axis: the lowest lane
// where its label does not overlap the one before it. Labels that find no
// free lane keep only the entry's number.
func placeMarks(entries []crisis.Entry, xOf func(time.Time) float64, day func(time.Time) string) ([]mark, int) {
	ends := make([]float64, 0, maxLanes) // right edge of the last label per lane
	var marks []mark
	for _, e := range entries {
		m := mark{e: e, x: xOf(e.OccurredAt), anchor: "start"}
		full := fmt.Sprintf("#%d %s %s", e.ID, day(e.OccurredAt), e.Text)
		short := fmt.Sprintf("#%d", e.ID)
		placed := false
		for _, label := range []string{full, short} {
			width := float64(len([]rune(label))) * charWidth
			start, end := m.x-3, m.x+width
			anchor := "start"
			if end > svgWidth-4 {
				start, end, anchor = m.x-width, m.x+3, "end"
			}
			for lane := 0; lane < maxLanes; lane++ {
				if lane == len(ends) {
					ends = append(ends, -1e9)
				}
				if ends[lane]+6 <= start {
					ends[lane] = end
					m.lane, m.anchor, m.label = lane, anchor, label
					placed = true
					break
				}
			}
			if placed {
				break
			}
		}
		if !placed {
			// Every lane is taken here: the mark stays, without a label.
			m.lane, m.label = 0, ""
		}
		marks = append(marks, m)
	}
	// Lanes are counted from the top; the lowest lane sits by the axis.
	n := max(len(ends), 1)
	for i := range marks {
		marks[i].lane = n - 1 - marks[i].lane
	}
	return marks, n
}

type tick struct {
	at    time.Time
	label string
}

// tickSteps are the spacings the axis may use, finest first.
var tickSteps = []time.Duration{
	time.Hour, 2 * time.Hour, 3 * time.Hour, 6 * time.Hour, 12 * time.Hour,
	24 * time.Hour, 48 * time.Hour, 7 * 24 * time.Hour, 14 * 24 * time.Hour,
	28 * 24 * time.Hour, 56 * 24 * time.Hour, 112 * 24 * time.Hour, 364 * 24 * time.Hour,
}

// ticks places labelled ticks on midnights (or whole hours) of the report's
// time zone, as many as fit without their labels touching.
func ticks(t0, t1 time.Time, loc *time.Location, l *tongue) []tick {
	width := svgRight - svgLeft
	fit := int(width / minTickDist)
	step := tickSteps[len(tickSteps)-1]
	for _, s := range tickSteps {
		if int(t1.Sub(t0)/s) <= fit {
			step = s
			break
		}
	}
	l0 := t0.In(loc)
	var start time.Time
	if step >= 24*time.Hour {
		start = time.Date(l0.Year(), l0.Month(), l0.Day(), 0, 0, 0, 0, loc)
	} else {
		h := int(step / time.Hour)
		start = time.Date(l0.Year(), l0.Month(), l0.Day(), l0.Hour()-l0.Hour()%h, 0, 0, 0, loc)
	}
	var out []tick
	for t := start; !t.After(t1); {
		if !t.Before(t0) {
			lt := t.In(loc)
			label := l.day(lt, loc)
			if step < 24*time.Hour && (lt.Hour() != 0 || lt.Minute() != 0) {
				label = lt.Format(clock)
			}
			out = append(out, tick{at: t, label: label})
		}
		if step >= 24*time.Hour {
			t = t.AddDate(0, 0, int(step/(24*time.Hour)))
		} else {
			t = t.Add(step)
		}
		if len(out) > 200 {
			break
		}
	}
	return out
}
