/* switch_aarch64.S: the goroutine context switch for aarch64 (AAPCS64).
 *
 * rt_ctx_swap(void **save_sp, void *load_sp) saves x19-x30, d8-d15 and FPCR
 * in a 176-byte frame on the current stack, stores sp in *save_sp, loads
 * load_sp and restores the same frame from there, returning through x30. A
 * new context's frame (stack.c) has x30 = rt_ctx_entry, x19 = the argument
 * and x20 = the function. Frame offsets: x19..x30 at 0..88, d8..d15 at
 * 96..152, fpcr at 160. */
    .text
    .globl rt_ctx_swap
    .type rt_ctx_swap, %function
    .p2align 4
rt_ctx_swap:
    sub sp, sp, #176
    stp x19, x20, [sp, #0]
    stp x21, x22, [sp, #16]
    stp x23, x24, [sp, #32]
    stp x25, x26, [sp, #48]
    stp x27, x28, [sp, #64]
    stp x29, x30, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    mrs x9, fpcr
    str x9, [sp, #160]
    mov x9, sp
    str x9, [x0]
    mov sp, x1
    ldp x19, x20, [sp, #0]
    ldp x21, x22, [sp, #16]
    ldp x23, x24, [sp, #32]
    ldp x25, x26, [sp, #48]
    ldp x27, x28, [sp, #64]
    ldp x29, x30, [sp, #80]
    ldp d8, d9, [sp, #96]
    ldp d10, d11, [sp, #112]
    ldp d12, d13, [sp, #128]
    ldp d14, d15, [sp, #144]
    ldr x9, [sp, #160]
    msr fpcr, x9
    add sp, sp, #176
    ret
    .size rt_ctx_swap, .-rt_ctx_swap

    .globl rt_ctx_entry
    .type rt_ctx_entry, %function
    .p2align 4
rt_ctx_entry:
    mov x0, x19
    blr x20
    brk #0
    .size rt_ctx_entry, .-rt_ctx_entry

/* rt_stack_call(void *arg, void (*fn)(void *), void *top) calls fn(arg)
 * with sp at top (16-byte aligned) and returns on the caller's stack, which
 * x29 keeps (callee-saved; fn may switch goroutines, which saves and
 * restores it too). The CFI lets debuggers unwind back to the caller. */
    .globl rt_stack_call
    .type rt_stack_call, %function
    .p2align 4
rt_stack_call:
    .cfi_startproc
    stp x29, x30, [sp, #-16]!
    .cfi_def_cfa_offset 16
    .cfi_offset x29, -16
    .cfi_offset x30, -8
    mov x29, sp
    .cfi_def_cfa_register x29
    mov sp, x2
    blr x1
    mov sp, x29
    ldp x29, x30, [sp], #16
    .cfi_def_cfa sp, 0
    ret
    .cfi_endproc
    .size rt_stack_call, .-rt_stack_call

    .section .note.GNU-stack, "", %progbits
