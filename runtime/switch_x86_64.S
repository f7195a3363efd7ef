/* switch_x86_64.S: the goroutine context switch for x86-64 (System V).
 *
 * rt_ctx_swap(void **save_sp, void *load_sp) pushes the callee-saved
 * registers and the FP control state (MXCSR, x87 control word) on the
 * current stack, stores the stack pointer in *save_sp, loads load_sp and pops
 * the same shape from there. A new context's stack is prepared by
 * rt_ctx_make (stack.c) so that the pop lands in rt_ctx_entry with r12 = the
 * argument and r13 = the function. Frame, from the saved sp upwards:
 *   [mxcsr:4 | x87cw:2 | pad:2] r15 r14 r13 r12 rbx rbp return-address */
    .text
    .globl rt_ctx_swap
    .type rt_ctx_swap, @function
    .p2align 4
rt_ctx_swap:
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    subq $8, %rsp
    stmxcsr (%rsp)
    fnstcw 4(%rsp)
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    ldmxcsr (%rsp)
    fldcw 4(%rsp)
    addq $8, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .size rt_ctx_swap, .-rt_ctx_swap

    .globl rt_ctx_entry
    .type rt_ctx_entry, @function
    .p2align 4
rt_ctx_entry:
    movq %r12, %rdi
    callq *%r13
    ud2
    .size rt_ctx_entry, .-rt_ctx_entry

/* rt_stack_call(void *arg, void (*fn)(void *), void *top) calls fn(arg)
 * with the stack pointer at top (16-byte aligned: the call pushes the
 * return address as any call does) and returns on the caller's stack, which
 * rbp keeps (callee-saved, so fn preserves it; fn may switch goroutines,
 * which saves and restores it too). The CFI lets debuggers unwind from the
 * segment back to the caller. */
    .globl rt_stack_call
    .type rt_stack_call, @function
    .p2align 4
rt_stack_call:
    .cfi_startproc
    pushq %rbp
    .cfi_def_cfa_offset 16
    .cfi_offset %rbp, -16
    movq %rsp, %rbp
    .cfi_def_cfa_register %rbp
    movq %rdx, %rsp
    callq *%rsi
    movq %rbp, %rsp
    popq %rbp
    .cfi_def_cfa %rsp, 8
    ret
    .cfi_endproc
    .size rt_stack_call, .-rt_stack_call

    .section .note.GNU-stack, "", @progbits
