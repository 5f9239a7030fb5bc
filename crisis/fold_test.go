package crisis

import "testing"

func TestFoldForSearch(t *testing.T) {
	for in, want := range map[string]string{
		"SANTÉ": "sante", "Créteil": "creteil", "Héloïse": "heloise",
		"CŒUR": "cœur", "plain": "plain", "": "",
	} {
		if got := FoldForSearch(in); got != want {
			t.Errorf("FoldForSearch(%q) = %q, want %q", in, got, want)
		}
	}
}
