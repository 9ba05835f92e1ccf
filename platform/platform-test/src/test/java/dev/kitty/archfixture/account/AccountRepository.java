package dev.kitty.archfixture.account;

public interface AccountRepository {

    Account find(long id);
}
