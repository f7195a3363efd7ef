// Cancellation flows down the tree, never up or sideways: cancelling a
// child leaves its parent and siblings alone; cancelling the parent
// cancels every descendant. Values and deadlines are inherited.
package main

import (
	"context"
	"fmt"
	"time"
)

type key string

func main() {
	parent, cancelParent := context.WithCancel(context.Background())
	child, cancelChild := context.WithTimeout(parent, time.Hour)
	grandchild := context.WithValue(child, key("user"), "ada")
	sibling, cancelSibling := context.WithCancel(parent)
	defer cancelSibling()

	cancelChild()
	fmt.Println("after cancelChild:")
	fmt.Println("  parent:    ", parent.Err())
	fmt.Println("  child:     ", child.Err())
	fmt.Println("  grandchild:", grandchild.Err(), "user =", grandchild.Value(key("user")))
	fmt.Println("  sibling:   ", sibling.Err())

	cancelParent()
	fmt.Println("after cancelParent:")
	fmt.Println("  parent:    ", parent.Err())
	fmt.Println("  sibling:   ", sibling.Err())
	_, hasDeadline := grandchild.Deadline()
	fmt.Println("grandchild inherited a deadline:", hasDeadline)
}
