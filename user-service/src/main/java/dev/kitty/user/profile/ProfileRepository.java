package dev.kitty.user.profile;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProfileRepository extends JpaRepository<Profile, UUID> {

    /** The whole address, whatever its case ({@code profile_by_lower_email_idx}); {@code %} and {@code _} are no wildcards. */
    @Query(value = "select p from Profile p where lower(p.email) = lower(:email)",
            countQuery = "select count(p) from Profile p where lower(p.email) = lower(:email)")
    Page<Profile> findByEmailIgnoringCase(String email, Pageable pageable);
}
