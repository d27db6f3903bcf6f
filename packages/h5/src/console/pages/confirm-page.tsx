import type { ComponentChildren } from 'preact';
import { ActionForm, type PageContext } from './page-context.js';

/**
 * The confirmation of an action: the consequence in words, and a form that repeats the post with `confirm=1` and the
 * same action key (so confirming twice is still one action). `fields` are carried over as hidden inputs.
 */
export function ConfirmPage(props: {
  ctx: PageContext;
  action: string;
  actionKey: string;
  consequence: string;
  fields: readonly (readonly [string, string])[];
  back: string;
  /** Extra inputs (a rejection's reason). */
  children?: ComponentChildren;
  /** The consequence says it cannot be done: no confirm button. */
  blocked?: boolean;
  danger?: boolean;
}) {
  const { ctx } = props;
  return (
    <>
      <p class="consequence" data-consequence="">
        {props.consequence}
      </p>
      <ActionForm ctx={ctx} action={props.action} actionKey={props.actionKey}>
        {props.fields.map(([name, value]) => (
          <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="1" />
        {props.children}
        <div class="row">
          {props.blocked ? null : (
            <button type="submit" class={props.danger ? 'danger' : 'primary'}>
              {ctx.copy.confirm.confirm}
            </button>
          )}
          <a href={ctx.href(props.back)}>{ctx.copy.confirm.cancel}</a>
        </div>
      </ActionForm>
    </>
  );
}
