// let: arithmetic as a command (arith.ts does the arithmetic; this is bash's wording around it).
import { bashBuiltin } from '../../core/command/dialects';
import type { CommandSpec } from '../../core/command/spec';
import { ArithError, ArithUnbound } from '../arith';
import { AbortLine } from '../language';

export const letBuiltin: CommandSpec = {
  name: 'let',
  summary: 'Evaluate arithmetic expressions.',
  usage: 'arg [arg ...]',
  description:
    'Evaluate each ARG as an arithmetic expression.  Evaluation is done in\nfixed-width integers with no check for overflow, though division by 0\nis trapped and flagged as an error.  The following list of operators is\ngrouped into levels of equal-precedence operators.  The levels are listed\nin order of decreasing precedence.\n\n\tid++, id--\tvariable post-increment, post-decrement\n\t++id, --id\tvariable pre-increment, pre-decrement\n\t-, +\t\tunary minus, plus\n\t!, ~\t\tlogical and bitwise negation\n\t**\t\texponentiation\n\t*, /, %\t\tmultiplication, division, remainder\n\t+, -\t\taddition, subtraction\n\t<<, >>\t\tleft and right bitwise shifts\n\t<=, >=, <, >\tcomparison\n\t==, !=\t\tequality, inequality\n\t&\t\tbitwise AND\n\t^\t\tbitwise XOR\n\t|\t\tbitwise OR\n\t&&\t\tlogical AND\n\t||\t\tlogical OR\n\texpr ? expr : expr\n\t\t\tconditional operator\n\t=, *=, /=, %=,\n\t+=, -=, <<=, >>=,\n\t&=, ^=, |=\tassignment\n\nShell variables are allowed as operands.  The name of the variable\nis replaced by its value (coerced to a fixed-width integer) within\nan expression.  The variable need not have its integer attribute\nturned on to be used in an expression.\n\nOperators are evaluated in order of precedence.  Sub-expressions in\nparentheses are evaluated first and may override the precedence\nrules above.\n\nExit Status:\nIf the last ARG evaluates to 0, let returns 1; let returns 0 otherwise.',
  dialect: bashBuiltin,
  builtinOnly: true,
  // `let -x` is an expression (minus x), not an option.
  rawArgs: true,
  run(ctx) {
    const { args } = ctx.command;
    if (!ctx.language) return 1;
    if (!args.length) {
      ctx.err('bash: let: expression expected\n');
      return 1;
    }
    let last = 0n;
    for (const arg of args) {
      try {
        last = ctx.language.arith(arg);
      } catch (e) {
        // An unset variable under `set -u` ends the line; a bad expression only this command.
        if (e instanceof ArithUnbound) throw new AbortLine(`bash: ${e.message}`);
        if (!(e instanceof ArithError)) throw e;
        ctx.err(`bash: let: ${e.detail}\n`);
        return 1;
      }
    }
    return last === 0n ? 1 : 0;
  },
};
