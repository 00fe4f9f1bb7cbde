/**
 * An email address that may wrap only after "@" and ".", as typographers break addresses: at 375 px a long one
 * fits its heading without a word cut at an arbitrary letter.
 */
export const Address = (props: { email: string }) => (
  <>
    {props.email.split(/(?<=[@.])/).map((part, i) => (
      <>
        {i > 0 ? <wbr /> : null}
        {part}
      </>
    ))}
  </>
);
