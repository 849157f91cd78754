package modelio

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/ftcheck/ftcheck/oracle"
)

// DefaultMaxValues is the default of Limits.MaxValues: 2²⁴ numbers, about
// 2.5 GB of exact values, above the weights of an MNIST-sized network
// (10⁵) and its whole test set (7.8·10⁶ pixels).
const DefaultMaxValues = 1 << 24

// Limits bounds what reading one file may cost.
type Limits struct {
	// MaxValues bounds the numbers a file holds, all arrays together. It is
	// checked against the shapes in a file's header before any value is
	// decoded, so a small compressed .npz cannot expand into gigabytes of
	// rationals. Hitting it is an *oracle.LimitError with Limit "max-values".
	MaxValues int
}

// DefaultLimits are the limits of the readers when none are given.
var DefaultLimits = Limits{MaxValues: DefaultMaxValues}

// FormatError reports a file that does not follow its format, or arrays that
// do not make a network or a data set: the file, the array (tensor) when one
// is at fault, and what is wrong.
type FormatError struct {
	File   string
	Tensor string // "" when the file as a whole is at fault
	Msg    string
	Err    error // the underlying error, if any (a *oracle.LimitError, an I/O error)
}

func (e *FormatError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Tensor != "" {
		b.WriteString(": tensor " + strconv.Quote(e.Tensor))
	}
	b.WriteString(": " + e.Msg)
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

func (e *FormatError) Unwrap() error { return e.Err }

// NotFiniteError reports a NaN or an infinity in an array: no rational
// number is its value, so nothing exact can be done with it.
type NotFiniteError struct {
	File   string
	Tensor string
	Index  []int  // the element's index, one coordinate per dimension
	Value  string // "NaN", "+Inf" or "-Inf"
}

func (e *NotFiniteError) Error() string {
	return fmt.Sprintf("%s: tensor %q%s is %s: only finite numbers have an exact value",
		e.File, e.Tensor, formatIndex(e.Index), e.Value)
}

// RangeError reports a value a writer cannot store in the chosen float type
// at all: its nearest float is an infinity.
type RangeError struct {
	Tensor string
	Index  []int
	DType  string
	Value  string // the exact value, as oracle.FormatRat writes it (shortened)
}

func (e *RangeError) Error() string {
	return fmt.Sprintf("tensor %q%s = %s is beyond the range of %s", e.Tensor, formatIndex(e.Index), e.Value, e.DType)
}

func formatIndex(ix []int) string {
	parts := make([]string, len(ix))
	for i, v := range ix {
		parts[i] = strconv.Itoa(v)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

func limitErr(file, tensor string, got, max int) error {
	return &FormatError{File: file, Tensor: tensor, Msg: "too many numbers",
		Err: &oracle.LimitError{Limit: "max-values", Max: max, Got: got, What: "numbers in the file"}}
}

func (l Limits) maxValues() int {
	if l.MaxValues <= 0 {
		return DefaultMaxValues
	}
	return l.MaxValues
}
