package cli

import "os"

// DefaultDataDir is $CELLULE_DATA, or ./cellule-data.
func DefaultDataDir() string {
	if d := os.Getenv("CELLULE_DATA"); d != "" {
		return d
	}
	return "cellule-data"
}
