package modelio

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
)

// plain reads all of r's dialect transform.
func plain(in string) (string, *DialectReader, error) {
	d := NewDialectReader(strings.NewReader(in), "f.csv")
	out, err := io.ReadAll(d)
	return string(out), d, err
}

// TestDialectAccepted: pandas' and Excel's files become plain CSV, line
// for line; plain CSV passes through unchanged.
func TestDialectAccepted(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
		dia            Dialect
	}{
		{"plain", "x1,y\n1,2\n3,4\n", "x1,y\n1,2\n3,4\n", Dialect{}},
		{"plain CRLF", "x1,y\r\n1,2\r\n", "x1,y\r\n1,2\r\n", Dialect{CRLF: true}},
		{"pandas", ",x1,y\n0,1,2\n1,3,4\n", "x1,y\n1,2\n3,4\n", Dialect{Index: true}},
		{"pandas read back", "Unnamed: 0,x1,x2\n0,1,2\n1,3,4", "x1,x2\n1,2\n3,4", Dialect{Index: true}},
		{"pandas blank lines", "\n,x1,y\n\n0,1,2\n  \n1,3,4\n", "\nx1,y\n\n1,2\n  \n3,4\n", Dialect{Index: true}},
		{"Excel", "\xef\xbb\xbfx1,y\r\n1,2\r\n", "x1,y\r\n1,2\r\n", Dialect{BOM: true, CRLF: true}},
		{"Excel pandas", "\xef\xbb\xbf,x1\r\n0,5\r\n1,6\r\n", "x1\r\n5\r\n6\r\n", Dialect{BOM: true, Index: true, CRLF: true}},
		{"named first column kept", "i,x1,y\n5,1,2\n", "i,x1,y\n5,1,2\n", Dialect{}},
		{"x1 first", "x1,y\n0,1\n", "x1,y\n0,1\n", Dialect{}},
		{"empty", "", "", Dialect{}},
		{"CR at the very end", "x1\n1\r", "x1\n1\r", Dialect{}},
	} {
		got, d, err := plain(c.in)
		if err != nil || got != c.want || d.Dialect != c.dia {
			t.Errorf("%s: got %q, %+v, %v; want %q, %+v", c.name, got, d.Dialect, err, c.want, c.dia)
		}
	}
}

// TestDialectRefused: a doubtful file is an error naming its line and the
// fix, never a silent guess.
func TestDialectRefused(t *testing.T) {
	for _, c := range []struct {
		name, in string
		line     int
		msg      string
	}{
		{"BOM in the middle", "x1,y\n1,2\n\xef\xbb\xbf3,4\n", 3, "byte order mark"},
		{"second BOM", "\xef\xbb\xbf\xef\xbb\xbfx1,y\n", 1, "byte order mark"},
		{"UTF-16", "\xff\xfex\x001\x00", 1, "UTF-16"},
		{"index not from 0", ",x1,y\n1,1,2\n", 2, `is "1" here, want 0`},
		{"filtered frame", ",x1,y\n0,1,2\n3,3,4\n", 3, `is "3" here, want 1`},
		{"index spaced", ",x1,y\n 0,1,2\n", 2, `is " 0" here`},
		{"index as float", "Unnamed: 0,x1\n0.0,1\n", 2, `is "0.0" here`},
		{"index missing", ",x1,y\n0,1,2\n1\n", 3, "has no value here, want 1"},
		{"truncated in the index", ",x1,y\n0,1,2\n1", 3, "has no value here"},
		{"classic Mac", "x1,y\r1,2\r", 1, "carriage return"},
		{"stray CR", "x1,y\n1,\r2\n", 2, "carriage return"},
	} {
		_, _, err := plain(c.in)
		var de *CSVDialectError
		if !errors.As(err, &de) || de.Line != c.line || de.File != "f.csv" || !strings.Contains(de.Msg, c.msg) {
			t.Errorf("%s: got %v, want f.csv:%d: …%s…", c.name, err, c.line, c.msg)
		}
	}
}

// TestDialectChunking: the transform gives the same bytes however its
// input arrives and however its output is read, on a file whose lines are
// longer than its buffer's share of them and with an error far in.
func TestDialectChunking(t *testing.T) {
	var b strings.Builder
	b.WriteString("\xef\xbb\xbf,x1,y\r\n")
	for i := range 3000 {
		b.WriteString(strconv.Itoa(i) + "," + strings.Repeat("1", i%100+i%1000/999*70000) + ",2\r\n")
	}
	good := b.String()
	for _, in := range []string{good, good + "7,1,2\r\n"} {
		whole, _, err := plain(in)
		d := NewDialectReader(iotest.OneByteReader(strings.NewReader(in)), "f.csv")
		got, err1 := io.ReadAll(iotest.HalfReader(d))
		if string(got) != whole || fmt.Sprint(err) != fmt.Sprint(err1) {
			t.Fatalf("byte by byte: %d bytes, %v; at once: %d bytes, %v", len(got), err1, len(whole), err)
		}
		if want := strings.Count(in, "\n") + 1; in != good && (err == nil || !strings.HasPrefix(err.Error(), fmt.Sprintf("f.csv:%d: ", want-1))) {
			t.Errorf("the wrong index on the last line: got %v, want line %d", err, want-1)
		}
	}
}

// FuzzDialectReader: on any input the transform ends without panicking,
// reading byte by byte gives what reading at once gives, an error is a
// *CSVDialectError on a line of the file (or the input's own), and a
// success keeps every line, leaves no byte order mark, drops at most a
// prefix of each line, and changes nothing when no dialect was found.
func FuzzDialectReader(f *testing.F) {
	for _, s := range []string{"x1,y\n1,2\n", ",x1,y\n0,1,2\n1,3,4\n", "\xef\xbb\xbfx1\r\n1\r\n",
		"Unnamed: 0,x1\n0,1\n2,3\n", "x1\r1\r", "x1\n\xef\xbb\xbf1\n", "\n\n,x1\n\n0,1\n", "\xff\xfe"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		d := NewDialectReader(bytes.NewReader(in), "f.csv")
		out, err := io.ReadAll(d)
		d1 := NewDialectReader(iotest.OneByteReader(bytes.NewReader(in)), "f.csv")
		out1, err1 := io.ReadAll(iotest.OneByteReader(d1))
		if !bytes.Equal(out, out1) || (err == nil) != (err1 == nil) || (err != nil && err.Error() != err1.Error()) {
			t.Fatalf("at once: %q, %v; byte by byte: %q, %v", out, err, out1, err1)
		}
		lines := bytes.Count(in, []byte{'\n'}) + 1
		if err != nil {
			var de *CSVDialectError
			if !errors.As(err, &de) || de.Line < 1 || de.Line > lines {
				t.Fatalf("error %v: want a *CSVDialectError on line 1..%d", err, lines)
			}
			return
		}
		if bytes.Contains(out, utf8BOM) {
			t.Fatalf("output %q has a byte order mark", out)
		}
		if !d.Dialect.Index && !d.Dialect.BOM && !bytes.Equal(out, in) {
			t.Fatalf("no dialect found, but %q became %q", in, out)
		}
		inLines := bytes.Split(bytes.TrimPrefix(in, utf8BOM), []byte{'\n'})
		outLines := bytes.Split(out, []byte{'\n'})
		if len(inLines) != len(outLines) {
			t.Fatalf("%d lines became %d", len(inLines), len(outLines))
		}
		for i := range inLines {
			if !bytes.HasSuffix(inLines[i], outLines[i]) {
				t.Fatalf("line %d: %q is not the end of %q", i+1, outLines[i], inLines[i])
			}
		}
	})
}
