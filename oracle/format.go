package oracle

// Readable exact printing of networks and line functions, for test logs
// (rapid and fmt print values with %#v, which calls GoString).

import (
	"fmt"
	"strings"
)

// GoString prints n in its JSON file format, every number exact.
func (n *Network) GoString() string {
	if n == nil {
		return "(*oracle.Network)(nil)"
	}
	if err := n.Validate(); err != nil {
		return fmt.Sprintf("oracle.Network{invalid: %v}", err)
	}
	var b strings.Builder
	n.WriteJSON(&b)
	return strings.TrimSpace(b.String())
}

// GoString prints φ as its points with values and the two ray slopes.
func (f *PiecewiseLinear) GoString() string {
	var b strings.Builder
	fmt.Fprintf(&b, "PiecewiseLinear{left slope %s;", FormatRat(f.Left))
	for i, p := range f.Points {
		fmt.Fprintf(&b, " φ(%s)=%s", FormatRat(p), FormatRat(f.Values[i]))
	}
	fmt.Fprintf(&b, "; right slope %s}", FormatRat(f.Right))
	return b.String()
}
