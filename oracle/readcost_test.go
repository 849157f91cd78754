package oracle

// The network reader's cost on small hostile input: a fuzz input of a few
// KB once read numbers of 10⁵ digits hundreds of times (over 34 s with the
// round trip). Every number is now bounded by MaxDigits before conversion.

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestReadNetworkSmallInputCost: 4 KB of entries as costly as the digit
// limit allows reads, writes and reads back in seconds; one over the limit
// is refused.
func TestReadNetworkSmallInputCost(t *testing.T) {
	entry := `"7e-9998"` // 1 + 9998 + 1 = 10000 digits: at the limit
	n := 4096 / (len(entry) + 2)
	src := `{"layers": [{"W": [[` + strings.TrimSuffix(strings.Repeat(entry+", ", n), ", ") + `]], "b": ["1e9999"]}]}`
	start := time.Now()
	net, err := ReadNetwork(strings.NewReader(src), "n.json")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	net.WriteJSON(&buf)
	if _, err := ReadNetwork(&buf, "again.json"); err != nil {
		t.Fatalf("the written network is refused: %v", err)
	}
	if el := time.Since(start); el > 10*time.Second {
		t.Fatalf("%d entries at the digit limit took %s", n, el)
	}
	if _, err := ReadNetwork(strings.NewReader(strings.Replace(src, "7e-9998", "7e-9999", 1)), "n.json"); err == nil {
		t.Fatal("a number over the digit limit was read")
	}
}
