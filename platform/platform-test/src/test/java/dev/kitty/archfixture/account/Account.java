package dev.kitty.archfixture.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Account {

    @Id
    Long id;
}
