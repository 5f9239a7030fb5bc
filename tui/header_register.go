package tui

import (
	"fmt"
	"strings"

	"cellule/crisis"
)

// registerFlag is the header's count of the register's accounts and
// machines compromised and suspected ("3 compromised, 2 suspected"), empty
// while there are none: the cell sees the attacker's reach from any tab.
func registerFlag(s *session, st crisis.Status) string {
	tx := &s.text.Header
	var parts []string
	if n := st.Register.Compromised; n > 0 {
		parts = append(parts, fmt.Sprintf(tx.RegisterCompromised, n))
	}
	if n := st.Register.Suspected; n > 0 {
		parts = append(parts, s.text.Plural(n, tx.RegisterSuspectedOne, tx.RegisterSuspected))
	}
	if len(parts) == 0 {
		return ""
	}
	return s.St.FilterActive.Render(strings.Join(parts, ", "))
}
