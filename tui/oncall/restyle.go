package oncall

// Restyle takes the session's theme again (kit.Restyler): the palette is
// read from the session when drawing, only the search field keeps styles.
func (o *onCall) Restyle() { o.search.SetStyles(o.s.St.Input) }
