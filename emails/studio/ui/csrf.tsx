/** The session's CSRF token, which every POST of a signed-in page carries. */
export const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />;
