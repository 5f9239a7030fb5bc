package report

// The escapers, for the tests that look for texts in a rendered report.
var (
	MdText    = mdText
	Esc       = esc
	ShortText = shortText
)
