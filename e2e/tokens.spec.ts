import { successBanner } from './pages/notices.ts';
import { TokensPage } from './pages/tokens-page.ts';
import { unique, users, walsall } from './support/demo.ts';
import { expect, test } from './support/fixtures.ts';

test.describe('API tokens', () => {
  test('a person creates a token, sees it once, uses it, and revokes it', async ({ page, request, signIn, expectAccessible }) => {
    const name = unique('Power BI refresh');
    const tokens = new TokensPage(page);

    await signIn(users.walsallAdmin);
    await tokens.goto(walsall.slug);
    await expectAccessible();

    await tokens.createToken(name);

    await expect(page.getByRole('alert')).toContainText('Token created');
    await expect(tokens.newToken).toHaveText(/^baton_\S{20,}$/);
    await expect(tokens.row(name)).toContainText('Never');
    await expect(tokens.purpose).toHaveValue('');
    await expectAccessible();
    const secret = (await tokens.newToken.textContent())!;

    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(me.status()).toBe(200);

    await tokens.goto(walsall.slug);
    await expect(tokens.row(name)).toBeVisible();
    await expect(tokens.newToken).toHaveCount(0);
    await expect(page.getByText(secret)).toHaveCount(0);
    await expectAccessible();

    await tokens.revokeButton(name).click();

    await expect(page).toHaveURL(`${walsall.tokens}?notice=revoked`);
    await expect(successBanner(page)).toContainText('Token revoked');
    await expect(tokens.row(name)).toContainText('Revoked');
    await expect(tokens.revokeButton(name)).toHaveCount(0);
    await expectAccessible();

    const refused = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    expect(refused.status()).toBe(401);
  });

  test('a token without a name is not created', async ({ page, signIn, expectAccessible }) => {
    const tokens = new TokensPage(page);

    await signIn(users.walsallViewer);
    await tokens.goto(walsall.slug);
    await expectAccessible();

    await tokens.create.click();

    await expect(page.getByRole('link', { name: 'Enter a name for the token' })).toHaveAttribute('href', '#name');
    await expect(tokens.newToken).toHaveCount(0);
    await expectAccessible();
  });
});
