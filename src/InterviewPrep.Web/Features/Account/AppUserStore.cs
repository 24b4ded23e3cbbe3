using InterviewPrep.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Account;

/// <summary>
/// Identity's store of users, whose every save (a new account, a changed password, a failed sign-in counted, a deleted
/// account) is a unit of work of <see cref="DatabaseWrites"/>, as every other write. Only the save is: a password is
/// hashed or checked before it, outside the write queue.
/// </summary>
internal sealed class AppUserStore(AppDbContext db, DatabaseWrites writes, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<AppUser, AppDbContext, string>(db, describer)
{
    public override Task<IdentityResult> CreateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(() => base.CreateAsync(user, cancellationToken), cancellationToken);

    public override Task<IdentityResult> UpdateAsync(AppUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(() => base.UpdateAsync(user, cancellationToken), cancellationToken);

    public override Task<IdentityResult> DeleteAsync(AppUser user, CancellationToken cancellationToken = default) =>
        writes.RunAsync(() => base.DeleteAsync(user, cancellationToken), cancellationToken);
}
