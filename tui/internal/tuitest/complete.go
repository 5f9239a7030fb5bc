package tuitest

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// verbs finds fmt's verbs in a format string.
var verbs = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\*|\d+)?(\.(\*|\d+))?(\[\d+\])?[a-zA-Z%]`)

// Complete checks that the table tr translates the table en (two values
// of one strings struct) entirely: every string that English fills is
// filled, with the same fmt verbs in the same order; every map that
// English fills has the same keys, each filled; arrays and nested
// structs the same way. A string English leaves empty may stay empty.
func Complete(t *testing.T, en, tr any) {
	t.Helper()
	for _, p := range Missing(en, tr) {
		t.Error(p)
	}
}

// Missing lists what tr lacks of en (Complete), one line per field.
func Missing(en, tr any) []string {
	var out []string
	walk(reflect.ValueOf(en), reflect.ValueOf(tr), reflect.TypeOf(en).Name(), &out)
	return out
}

func walk(en, tr reflect.Value, path string, out *[]string) {
	switch en.Kind() {
	case reflect.Pointer:
		walk(en.Elem(), tr.Elem(), path, out)
	case reflect.String:
		e, f := en.String(), tr.String()
		switch {
		case e == "":
		case f == "":
			*out = append(*out, fmt.Sprintf("%s: empty (English %q)", path, e))
		case !sameVerbs(verbs.FindAllString(e, -1), verbs.FindAllString(f, -1)):
			*out = append(*out, fmt.Sprintf("%s: %q has verbs %v, English %q has %v", path, f, verbs.FindAllString(f, -1), e, verbs.FindAllString(e, -1)))
		}
	case reflect.Struct:
		for i := range en.NumField() {
			walk(en.Field(i), tr.Field(i), path+"."+en.Type().Field(i).Name, out)
		}
	case reflect.Array, reflect.Slice:
		if tr.Len() < en.Len() {
			*out = append(*out, fmt.Sprintf("%s: %d items, English has %d", path, tr.Len(), en.Len()))
			return
		}
		for i := range en.Len() {
			walk(en.Index(i), tr.Index(i), fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		for _, k := range en.MapKeys() {
			p := fmt.Sprintf("%s[%v]", path, k)
			v := tr.MapIndex(k)
			if !v.IsValid() {
				*out = append(*out, p+": missing")
				continue
			}
			walk(en.MapIndex(k), v, p, out)
		}
	}
}

// sameVerbs: the same verbs in the same order, or, where they carry
// explicit indexes (%[2]d), the same set in any order: a translation may
// put the arguments in its own order.
func sameVerbs(en, tr []string) bool {
	if slices.ContainsFunc(en, func(v string) bool { return strings.Contains(v, "[") }) {
		en, tr = slices.Sorted(slices.Values(en)), slices.Sorted(slices.Values(tr))
	}
	return slices.Equal(en, tr)
}
